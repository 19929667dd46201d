using System.Net;
using System.Net.Sockets;

namespace K8Shop.TestSupport;

public static class TestPorts
{
    /// <summary>A loopback TCP port free right now, so parallel hosts never collide on fixed ports.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
