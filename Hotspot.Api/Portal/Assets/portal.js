/* Captive portal: choose a plan, pay by M-Pesa, wait, then log in to the router with the voucher; or, having paid
   already, get the voucher back with the M-Pesa code ("I already paid").
   Plain ES5 and XMLHttpRequest so old Android browsers and captive-portal web views run it. */
(function () {
  'use strict';

  var root = document.getElementById('portal');
  if (!root) return;
  var organizationId = root.getAttribute('data-organization-id');
  var mac = root.getAttribute('data-mac') || null;
  var routerError = !!document.getElementById('router-error');
  var storageKey = 'hotspot-purchase-' + organizationId;

  var screens = ['choose', 'claim', 'waiting', 'done', 'failed'];
  var form = document.getElementById('pay-form');
  var phoneInput = document.getElementById('phone');
  var phoneHint = document.getElementById('phone-hint');
  var payButton = document.getElementById('pay');
  var payError = document.getElementById('pay-error');
  var routerForm = document.getElementById('router-login');
  var claimForm = document.getElementById('claim-form');
  var claimButton = document.getElementById('claim');
  var claimError = document.getElementById('claim-error');

  var requestTimeoutMs = 30000;
  var firstPollMs = 1000, maxPollMs = 8000;
  var pendingResumeMs = 15 * 60 * 1000, paidResumeMs = 60 * 60 * 1000;
  var pollTimer = null;

  function $(id) { return document.getElementById(id); }

  function show(name) {
    for (var i = 0; i < screens.length; i++)
      $('screen-' + screens[i]).hidden = screens[i] !== name;
    window.scrollTo(0, 0);
  }

  // Mirrors the server's KenyanPhoneNumber formats; the server still decides.
  function normalizePhone(text) {
    var digits = String(text || '').replace(/[\s\-().]/g, '');
    if (digits.charAt(0) === '+') digits = digits.substring(1);
    if (!/^\d+$/.test(digits)) return null;
    if (/^0[17]\d{8}$/.test(digits)) return '254' + digits.substring(1);
    if (/^[17]\d{8}$/.test(digits)) return '254' + digits;
    if (/^254[17]\d{8}$/.test(digits)) return digits;
    return null;
  }

  function formatLocal(msisdn) {
    var local = '0' + msisdn.substring(3);
    return local.substring(0, 4) + ' ' + local.substring(4, 7) + ' ' + local.substring(7);
  }

  function updateHint() {
    var value = phoneInput.value;
    var phone = normalizePhone(value);
    if (!value.replace(/\s/g, '')) { phoneHint.textContent = ''; phoneHint.className = 'hint'; }
    else if (phone) { phoneHint.textContent = 'M-Pesa prompt goes to ' + formatLocal(phone); phoneHint.className = 'hint'; }
    else { phoneHint.textContent = 'Use 07XX XXX XXX, 01XX XXX XXX or +254 7XX XXX XXX.'; phoneHint.className = 'hint bad'; }
  }

  function selectedPlan() {
    var inputs = form.querySelectorAll('input[name=plan]');
    for (var i = 0; i < inputs.length; i++)
      if (inputs[i].checked)
        return { id: inputs[i].value, price: inputs[i].getAttribute('data-price'), name: inputs[i].getAttribute('data-name') };
    return null;
  }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    var finished = false;
    function finish(status, json) { if (!finished) { finished = true; done(status, json); } }
    xhr.open(method, url, true);
    xhr.timeout = requestTimeoutMs;
    xhr.setRequestHeader('Accept', 'application/json');
    if (body) xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = function () {
      var json = null;
      try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
      finish(xhr.status, json);
    };
    xhr.onerror = xhr.ontimeout = xhr.onabort = function () { finish(0, null); };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function problemText(status, json) {
    if (status === 0) return 'Could not reach the hotspot. Check that you are still on this Wi-Fi and try again.';
    if (status === 429) return (json && json.detail) || 'Too many attempts. Wait a minute, then try again.';
    if (json && json.errors) {
      for (var field in json.errors)
        if (json.errors.hasOwnProperty(field) && json.errors[field].length) return json.errors[field][0];
    }
    if (json && json.detail) return json.detail;
    return 'Something went wrong (' + status + '). Please try again.';
  }

  function save(state) {
    try { window.localStorage.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* private mode: no resume */ }
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function forget() {
    try { window.localStorage.removeItem(storageKey); } catch (e) { /* nothing stored */ }
  }

  function pay(event) {
    if (event) event.preventDefault();
    payError.hidden = true;
    var plan = selectedPlan();
    var phone = normalizePhone(phoneInput.value);
    if (!plan) return fail('Choose a plan first.');
    if (!phoneInput.value.replace(/\s/g, '')) { phoneInput.focus(); return fail('Enter the phone number that pays with M-Pesa.'); }
    payButton.disabled = true;
    payButton.textContent = 'Sending M-Pesa request\u2026';
    request('POST', '/api/hotspot/purchase-voucher',
      { organizationId: organizationId, planId: plan.id, phoneNumber: phone || phoneInput.value, macAddress: mac },
      function (status, json) {
        payButton.disabled = false;
        payButton.textContent = 'Pay with M-Pesa';
        if (status !== 202 || !json || !json.purchaseId) return fail(problemText(status, json));
        var state = { purchaseId: json.purchaseId, price: plan.price, phone: phone, at: new Date().getTime() };
        save(state);
        wait(state);
      });

    function fail(message) { payError.textContent = message; payError.hidden = false; return false; }
  }

  // The M-Pesa code and the number that paid give back the voucher that payment bought.
  function claim(event) {
    if (event) event.preventDefault();
    claimError.hidden = true;
    var receipt = $('receipt').value.replace(/\s/g, '').toUpperCase();
    var phoneText = $('claim-phone').value;
    if (!receipt) { $('receipt').focus(); return fail('Type the M-Pesa code from the confirmation message.'); }
    if (!phoneText.replace(/\s/g, '')) { $('claim-phone').focus(); return fail('Type the phone number that paid.'); }
    claimButton.disabled = true;
    claimButton.textContent = 'Looking for your payment\u2026';
    request('POST', '/api/hotspot/claim',
      { organizationId: organizationId, receipt: receipt, phoneNumber: normalizePhone(phoneText) || phoneText },
      function (status, json) {
        claimButton.disabled = false;
        claimButton.textContent = 'Get my Wi-Fi code';
        if (status !== 200 || !json || !json.voucherCode) return fail(problemText(status, json));
        paid({ claimed: true, at: new Date().getTime() }, json, true);
      });

    function fail(message) { claimError.textContent = message; claimError.hidden = false; return false; }
  }

  function showClaim() {
    claimError.hidden = true;
    if (!$('claim-phone').value && phoneInput.value) $('claim-phone').value = phoneInput.value;
    show('claim');
    $('receipt').focus();
  }

  function wait(state) {
    $('waiting-amount').textContent = 'KES ' + state.price;
    $('waiting-phone').textContent = state.phone ? formatLocal(state.phone) : 'your phone';
    $('waiting-status').textContent = '';
    show('waiting');
    poll(state, firstPollMs);
  }

  // Backs off from 1 s to 8 s: fast when the customer is quick, light on a busy or slow network.
  function poll(state, delay) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(function () {
      request('GET', '/api/hotspot/purchases/' + encodeURIComponent(state.purchaseId), null, function (status, json) {
        var next = Math.min(Math.round(delay * 1.5), maxPollMs);
        if (status === 200 && json) {
          if (json.status === 'PENDING') {
            $('waiting-status').textContent = 'Waiting for M-Pesa\u2026';
            return poll(state, next);
          }
          if (json.status === 'PAID' && json.voucherCode) return paid(state, json, true);
          return failed(json);
        }
        if (status === 404) return failed({ status: 'NOT_FOUND', failureReason: 'This payment is not known here any more. Please try again.' });
        $('waiting-status').textContent = 'Slow connection, still checking\u2026';
        poll(state, next);
      });
    }, delay);
  }

  function paid(state, purchase, autoLogin) {
    state.status = 'PAID';
    state.voucherCode = purchase.voucherCode;
    state.expiresAt = purchase.expiresAt || null;
    save(state);
    $('voucher-code').textContent = purchase.voucherCode;
    $('voucher-expiry').textContent = purchase.expiresAt ? 'Valid until ' + formatTime(purchase.expiresAt) : '';
    show('done');
    if (!routerForm) {
      $('login-status').hidden = true;
      $('no-router').hidden = false;
      return;
    }
    routerForm.elements.username.value = purchase.voucherCode;
    routerForm.elements.password.value = purchase.voucherCode;
    if (!autoLogin) {
      $('login-status').textContent = 'Tap Connect to go online with this code.';
      return;
    }
    // A short pause so the customer sees (and can note) the code before the router's page replaces this one.
    setTimeout(function () { routerForm.submit(); }, 1200);
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return pad(date.getHours()) + ':' + pad(date.getMinutes()) + ', ' + date.getDate() + ' ' + months[date.getMonth()];
  }

  function failed(purchase) {
    forget();
    var reasons = {
      CANCELLED: 'The M-Pesa request was cancelled.',
      FAILED: 'The payment did not go through.',
      EXPIRED: 'The M-Pesa request timed out.'
    };
    $('failure-reason').textContent = purchase.failureReason || reasons[purchase.status] || 'The payment did not go through.';
    show('failed');
  }

  function retry() {
    forget();
    show('choose');
    phoneInput.focus();
  }

  // Captive web views often close while the customer types the M-Pesa PIN: reopening picks the purchase up again.
  function resume() {
    var state = load();
    if (!state || typeof state.at !== 'number') return false;
    var age = new Date().getTime() - state.at;
    if (state.status === 'PAID' && state.voucherCode) {
      var until = state.expiresAt ? new Date(state.expiresAt).getTime() : state.at + paidResumeMs;
      if (isNaN(until) || until <= new Date().getTime()) { forget(); return false; }
      // After a failed router login (it sent us back with an error) do not post the same code again on its own.
      paid(state, { voucherCode: state.voucherCode, expiresAt: state.expiresAt }, !routerError);
      return true;
    }
    if (!state.purchaseId || age > pendingResumeMs) { forget(); return false; }
    wait(state);
    return true;
  }

  form.addEventListener('submit', pay);
  phoneInput.addEventListener('input', updateHint);
  $('retry').addEventListener('click', retry);
  claimForm.addEventListener('submit', claim);
  $('show-claim').addEventListener('click', showClaim);
  $('claim-back').addEventListener('click', retry);
  var another = $('buy-another');
  if (another) another.addEventListener('click', retry);
  resume();
})();
