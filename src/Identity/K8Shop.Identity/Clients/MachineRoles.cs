using K8Shop.Identity.Accounts;

namespace K8Shop.Identity.Clients;

/// <summary>The role a machine client's own tokens (client credentials) carry.</summary>
internal static class MachineRoles
{
    public static string[] For(string clientId) => clientId switch
    {
        ShopClients.Operator => [ShopRoles.Admin],
        ShopClients.LoadGen => [ShopRoles.Machine],
        _ => [],
    };
}
