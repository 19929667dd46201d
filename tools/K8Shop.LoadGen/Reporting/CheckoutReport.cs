using K8Shop.LoadGen.Invariants;
using K8Shop.LoadGen.Running;

namespace K8Shop.LoadGen.Reporting;

/// <summary>The checkout scenario's part of the report: measured figures, then the end-of-run checks over the orders.</summary>
public sealed record CheckoutReport(
    CheckoutFigures Figures,
    CheckoutReconciliation Reconciliation,
    CheckoutVerification Verification,
    IReadOnlyList<InvariantCheck> Checks)
{
    public bool Passed => Checks.All(check => check.Passed);
}

/// <summary>
/// Measured checkouts (warmup excluded). A checkout counts once its order answered, whatever the status; Other is an
/// answer in a state between start and end; Unanswered gave up after every retry (or was refused with a 4xx);
/// Abandoned never got a line into the cart, so ordered nothing. OrderRetries counts extra POST /orders.
/// </summary>
public sealed record CheckoutFigures(
    long Checkouts,
    double CheckoutsPerSecond,
    long Confirmed,
    double ConfirmedPerSecond,
    long Rejected,
    long PaymentFailed,
    long Other,
    long Unanswered,
    long Abandoned,
    long OrderRetries,
    long RepeatsConfirmed);

/// <summary>What the run's checkout ledger, reconciliation and verification found, for the report to check.</summary>
public sealed record CheckoutFindings(long SettledOrders, long RepeatMismatches, CheckoutReconciliation Reconciliation, CheckoutVerification Verification);
