using K8Shop.LoadGen;

// The first Ctrl-C stops starting operations and still reconciles and reports; a second one ends the process.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    if (stop.IsCancellationRequested)
        return;
    press.Cancel = true;
    stop.Cancel();
};
return await LoadGenApp.RunAsync(args, Console.Out, Console.Error, !Console.IsErrorRedirected, stop.Token);
