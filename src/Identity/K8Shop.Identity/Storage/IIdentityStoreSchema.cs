namespace K8Shop.Identity.Storage;

/// <summary>Creates the store's tables when they are missing, and runs the start-up seeding alone among the hosts sharing the store.</summary>
internal interface IIdentityStoreSchema
{
    Task RunExclusiveAsync(IdentityStoreContext context, Func<CancellationToken, Task> afterSchema, CancellationToken cancellationToken);
}
