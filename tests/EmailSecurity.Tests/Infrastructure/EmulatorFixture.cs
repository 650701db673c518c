using System.Diagnostics;
using System.Reflection;
using System.Text;
using Xunit;

namespace EmailSecurity.Tests.Infrastructure;

[CollectionDefinition("Emulator")]
public class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
}

/// <summary>
/// The emulator (tools/EsEmulator) in a child process, started once per test run and shared by every collection and
/// class that uses this fixture. Tests isolate themselves by taking their own account from <see cref="NewAccount"/>.
/// </summary>
public sealed class EmulatorFixture : IDisposable
{
    private static readonly Lazy<EmulatorProcess> Shared = new(EmulatorProcess.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public EmulatorFixture()
    {
        Uri root = Shared.Value.Root;
        ApiBaseUri = new Uri(root, "client/v4");
        ControlUri = new Uri(root, "_emulator/");
    }

    /// <summary>http://127.0.0.1:port/client/v4</summary>
    public Uri ApiBaseUri { get; }

    /// <summary>http://127.0.0.1:port/_emulator/</summary>
    public Uri ControlUri { get; }

    /// <summary>
    /// A fresh account (32 lowercase hex characters) whose data has been generated from <paramref name="seed"/>, playing
    /// <paramref name="apiVersion"/> (<see cref="ApiVersionNames"/>; the emulator's default, the seed API, when null).
    /// </summary>
    public EmulatorAccount NewAccount(int messages = 60, int seed = 1, string? apiVersion = null)
    {
        var account = new EmulatorAccount(Guid.NewGuid().ToString("N"), ControlUri);
        account.Reset(messages, seed, apiVersion: apiVersion);
        return account;
    }

    /// <summary>Nothing to do: the process outlives every fixture instance and is killed when the test run exits.</summary>
    public void Dispose()
    {
    }

    /// <summary>
    /// Another emulator process, started with <paramref name="arguments"/> after --urls (e.g. "--api-version", "2026-10"),
    /// for tests of the command line; killed on dispose. The shared one is for everything else.
    /// </summary>
    internal static EmulatorProcess StartSeparate(params string[] arguments) => EmulatorProcess.Start(arguments);

    internal sealed class EmulatorProcess : IDisposable
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
        private const string ReadyPrefix = "EMULATOR_LISTENING ";

        private readonly Process process;

        private EmulatorProcess(Uri root, Process process)
        {
            Root = root;
            this.process = process;
        }

        /// <summary>http://127.0.0.1:port/</summary>
        public Uri Root { get; }

        public void Dispose() => Kill(process);

        public static EmulatorProcess Start() => Start(Array.Empty<string>());

        public static EmulatorProcess Start(string[] arguments)
        {
            string dll = typeof(EmulatorFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "EmulatorDll").Value ?? "";
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"The emulator is not built: {dll} does not exist.");
            }

            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // Held open for the life of the run: the emulator exits when it closes, so it cannot outlive a crashed test host.
                RedirectStandardInput = true,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var stderr = new StringBuilder();
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null && e.Data.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                {
                    listening.TrySetResult(e.Data.Substring(ReadyPrefix.Length).Trim());
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    lock (stderr)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            };
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The emulator exited with code {process.ExitCode} before it was listening."));

            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);

            try
            {
                if (!listening.Task.Wait(StartTimeout))
                {
                    throw new TimeoutException($"The emulator did not print {ReadyPrefix.Trim()} within {StartTimeout.TotalSeconds:0} s.");
                }
                return new EmulatorProcess(new Uri(listening.Task.Result.TrimEnd('/') + "/"), process);
            }
            catch (Exception error)
            {
                Kill(process);
                process.WaitForExit(5000);
                string reason = error is AggregateException aggregate ? aggregate.InnerException!.Message : error.Message;
                lock (stderr)
                {
                    throw new InvalidOperationException($"{reason} Command: {start.FileName} {string.Join(' ', start.ArgumentList)}\nstderr:\n{stderr}", error);
                }
            }
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
