import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorMessage, MoreButton } from './ui';
import { RevenueChart } from '../screens/Revenue';

describe('components', () => {
  it('shows API errors as readable alerts, with a screen\u2019s own wording for a code', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(renderToStaticMarkup(<ErrorMessage error={error} />)).toContain('Your session has ended');
    const html = renderToStaticMarkup(<ErrorMessage error={error} overrides={{ UNAUTHENTICATED: 'Wrong email or password.' }} />);
    expect(html).toBe('<div class="error" role="alert"><p>Wrong email or password.</p></div>');
    expect(renderToStaticMarkup(<ErrorMessage error={undefined} />)).toBe('');
  });

  it('offers the next page only when the connection has one', () => {
    const more = renderToStaticMarkup(<MoreButton pageInfo={{ hasNextPage: true, endCursor: 'c1' }} loading={false} shown={25} total={60} onMore={() => undefined} />);
    expect(more).toContain('25 of 60');
    expect(more).toContain('Load more');
    expect(renderToStaticMarkup(<MoreButton pageInfo={{ hasNextPage: false, endCursor: 'c1' }} loading={false} shown={3} total={3} onMore={() => undefined} />))
      .not.toContain('Load more');
  });

  it('draws one bar per day, scaled to a round maximum', () => {
    const html = renderToStaticMarkup(<RevenueChart days={[
      { day: '2026-11-01T00:00:00.000Z', amountKes: 100, purchaseCount: 2 },
      { day: '2026-11-02T00:00:00.000Z', amountKes: 0, purchaseCount: 0 },
      { day: '2026-11-03T00:00:00.000Z', amountKes: 50, purchaseCount: 1 },
    ]} />);
    expect(html.match(/class="bar"/g)).toHaveLength(3);
    expect(html).toContain('2026-11-01: KES 100, 2 purchases');
    expect(html).toContain('>100<'); // the axis top is the largest day, already round
  });
});
