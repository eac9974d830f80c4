using System.Text;
using System.Text.Encodings.Web;
using Hotspot.Domain.Plans;

namespace Hotspot.Api.Portal;

/// <summary>
/// Fills the page template: the organization, its plans (rendered here so a slow phone needs no extra request to
/// see them) and, when the router passed its login URL, the form that logs the customer in with the voucher.
/// Every value is HTML-encoded.
/// </summary>
public static class PortalPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(PortalAssets assets, Guid organizationId, string organizationName, bool takesPayments,
        IReadOnlyList<Plan> plans, RouterLogin router) =>
        assets.PageTemplate
            .Replace("{{cssUrl}}", Html.Encode(assets.CssUrl))
            .Replace("{{jsUrl}}", Html.Encode(assets.JsUrl))
            .Replace("{{organizationId}}", organizationId.ToString())
            .Replace("{{mac}}", Html.Encode(router.Mac ?? ""))
            .Replace("{{routerError}}", RouterError(router, takesPayments))
            .Replace("{{plans}}", Plans(plans))
            .Replace("{{routerForm}}", RouterForm(router))
            .Replace("{{organizationName}}", Html.Encode(organizationName));

    public static string NotFound(PortalAssets assets) =>
        assets.NotFoundTemplate.Replace("{{cssUrl}}", Html.Encode(assets.CssUrl));

    private static string Plans(IReadOnlyList<Plan> plans)
    {
        if (plans.Count == 0)
            return "      <p class=\"empty\">No plans are on sale right now. Please ask the hotspot staff.</p>";
        var html = new StringBuilder();
        foreach (var plan in plans)
        {
            var price = PlanDescription.Price(plan.PriceKes);
            html.Append("      <label class=\"plan\"><input type=\"radio\" name=\"plan\" value=\"").Append(plan.Id)
                .Append("\" data-price=\"").Append(plan.PriceKes)
                .Append("\" data-name=\"").Append(Html.Encode(plan.Name)).Append('"')
                .Append(plans.Count == 1 ? " checked" : "").Append(" required>")
                .Append("<span><b>").Append(Html.Encode(plan.Name)).Append("</b>")
                .Append("<strong class=\"price\">").Append(Html.Encode(price)).Append("</strong>")
                .Append("<small>").Append(Html.Encode(PlanDescription.Details(plan))).Append("</small></span></label>\n");
        }
        return html.ToString().TrimEnd('\n');
    }

    private static string RouterError(RouterLogin router, bool takesPayments)
    {
        var html = new StringBuilder();
        if (router.Error is { } error)
            html.Append("<p id=\"router-error\" class=\"notice\" role=\"alert\">The hotspot said: ").Append(Html.Encode(error)).Append("</p>\n");
        if (!takesPayments)
            html.Append("<p class=\"notice\">This hotspot is not taking M-Pesa payments yet. Please ask the hotspot staff.</p>\n");
        return html.ToString();
    }

    // username and password are filled in by the script once the voucher exists; mac and ip go back as they came.
    private static string RouterForm(RouterLogin router)
    {
        if (router.LoginUrl is not { } url)
            return "";
        var html = new StringBuilder();
        html.Append("  <form id=\"router-login\" method=\"post\" action=\"").Append(Html.Encode(url.AbsoluteUri)).Append("\">\n")
            .Append("    <input type=\"hidden\" name=\"username\" value=\"\">\n")
            .Append("    <input type=\"hidden\" name=\"password\" value=\"\">\n")
            .Append("    <input type=\"hidden\" name=\"dst\" value=\"").Append(Html.Encode(router.Destination ?? "")).Append("\">\n")
            .Append("    <input type=\"hidden\" name=\"popup\" value=\"false\">\n");
        if (router.Mac is { } mac)
            html.Append("    <input type=\"hidden\" name=\"mac\" value=\"").Append(Html.Encode(mac)).Append("\">\n");
        if (router.Ip is { } ip)
            html.Append("    <input type=\"hidden\" name=\"ip\" value=\"").Append(Html.Encode(ip)).Append("\">\n");
        html.Append("    <button type=\"submit\" class=\"primary\">Connect now</button>\n")
            .Append("  </form>");
        return html.ToString();
    }
}
