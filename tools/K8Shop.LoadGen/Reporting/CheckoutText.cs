namespace K8Shop.LoadGen.Reporting;

/// <summary>The checkout scenario's sections of the text report: its figures, its reconciliation and its order checks.</summary>
public static class CheckoutText
{
    public static void Figures(TextWriter text, LoadReport report, CheckoutReport checkout)
    {
        var (throughput, figures) = (report.Throughput, checkout.Figures);
        text.WriteLine($"Results over {throughput.WindowSeconds:0.00} s measured (the warmup's {throughput.WarmupOperations} checkouts excluded)");
        text.WriteLine($"  checkouts      {figures.Checkouts,10} {figures.CheckoutsPerSecond,10:0.0}/s  (whose order answered: cart adds, then POST /orders)");
        text.WriteLine($"  confirmed      {figures.Confirmed,10} {figures.ConfirmedPerSecond,10:0.0}/s");
        text.WriteLine($"  rejected       {figures.Rejected,10}              (out of stock)");
        text.WriteLine($"  payment_failed {figures.PaymentFailed,10}              (declined)");
        text.WriteLine($"  other          {figures.Other,10}              (answered in a state between start and end)");
        text.WriteLine($"  unanswered     {figures.Unanswered,10}              (no answer after every retry, or refused with a 4xx)");
        if (figures.Abandoned > 0)
            text.WriteLine($"  abandoned      {figures.Abandoned,10}              (no line got into the cart, so nothing was ordered)");
        text.WriteLine($"  order retries  {figures.OrderRetries,10}              (same Idempotency-Key and body, after 429, 5xx or a timeout)");
        if (figures.RepeatsConfirmed > 0)
            text.WriteLine($"  repeats        {figures.RepeatsConfirmed,10}              (answered orders sent again, answered with the same order)");
        text.WriteLine($"  requests       {throughput.Requests,10} {throughput.RequestsPerSecond,10:0.0}/s");
        if (report.Settings.Mode == "open-loop")
            text.WriteLine($"  dropped/late   {report.Outcomes.Dropped,10}              (due while --max-in-flight were busy, so never started)");
        text.WriteLine();
    }

    public static void Checks(TextWriter text, CheckoutReport checkout)
    {
        var summary = checkout.Reconciliation;
        if (summary.InDoubt > 0)
        {
            text.WriteLine($"Reconciliation: {summary.InDoubt} order(s) ended in doubt; sent again with the same key after the load:");
            text.WriteLine($"  {summary.Settled} settled, {summary.NotPlaced} had nothing to order (422), {summary.Unresolved} unresolved");
            text.WriteLine();
        }
        var verification = checkout.Verification;
        text.WriteLine($"Orders: the whole run's answers, then {verification.Sampled} settled order(s) sampled and asked about again after the load");
        foreach (var check in checkout.Checks)
            text.WriteLine($"  {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}");
        foreach (var example in verification.Examples)
            text.WriteLine($"    e.g. {example}");
        text.WriteLine();
    }
}
