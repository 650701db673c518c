using EmailSecurity.Simulator;
using EsEmulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Email Security API emulator for tests: `dotnet EsEmulator.dll [--urls http://127.0.0.1:0] [--api-version
// 2026-10]`. Prints one line, EMULATOR_LISTENING <url>, once it listens; stops on SIGTERM or when stdin closes.
var builder = WebApplication.CreateBuilder(args);
string? versionName = builder.Configuration["api-version"];
ApiVersion? defaultVersion = versionName == null ? ApiVersion.Seed : ApiVersions.Parse(versionName);
if (defaultVersion == null)
{
    Console.Error.WriteLine(
        "--api-version must be one of " + string.Join(", ", ApiVersions.Names) + "; got " + versionName);
    return 2;
}
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}
// stdout carries only the listening line; anything ASP.NET has to say goes to stderr, and only warnings.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(new Emulator(defaultVersion.Value));

var app = builder.Build();
var emulator = app.Services.GetRequiredService<Emulator>();
app.Run(emulator.HandleAsync);

await app.StartAsync();
string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.WriteLine("EMULATOR_LISTENING " + address.TrimEnd('/'));
Console.Out.Flush();

// A parent that dies closes our stdin; treat that as the signal to go.
var stdinWatcher = new Thread(() =>
{
    while (Console.In.ReadLine() != null)
    {
    }
    app.Lifetime.StopApplication();
})
{
    IsBackground = true,
    Name = "stdin-watcher",
};
stdinWatcher.Start();

await app.WaitForShutdownAsync();
return 0;
