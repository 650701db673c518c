using System.Diagnostics;
using System.Text;

namespace EsEmulator.Launcher;

/// <summary>
/// tools/EsEmulator in a child process on 127.0.0.1: started on port 0, its address read back from the one line it
/// prints when listening (EMULATOR_LISTENING http://127.0.0.1:port). Its stdin is held open for the life of this
/// process, and the emulator exits when it closes, so it cannot outlive a crashed caller; it is also killed when this
/// process exits, or on <see cref="Dispose"/>.
/// </summary>
public sealed class RunningEmulator : IDisposable
{
    private const string ReadyPrefix = "EMULATOR_LISTENING ";

    private readonly Process process;

    private RunningEmulator(Process process, Uri root)
    {
        this.process = process;
        Root = root;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; }

    /// <summary>http://127.0.0.1:port/client/v4 (what Connect-EsAccount -BaseUri takes).</summary>
    public Uri ApiBaseUri => new(Root, "client/v4");

    /// <summary>http://127.0.0.1:port/_emulator/ (the control API: account data, faults, the request log).</summary>
    public Uri ControlUri => new(Root, "_emulator/");

    public int ProcessId => process.Id;

    /// <summary>CPU time the emulator has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts EsEmulator.dll and waits until it listens; an error names the command and what it wrote to stderr.
    /// <paramref name="arguments"/> follow --urls (e.g. "--api-version", "2026-10").
    /// </summary>
    public static RunningEmulator Start(string dll, TimeSpan timeout, params string[] arguments)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The emulator is not built: {dll} does not exist. Build the " +
                "solution (or tools/EsEmulator) with this configuration.");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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
                listening.TrySetResult(e.Data[ReadyPrefix.Length..].Trim());
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
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The emulator exited with code {process.ExitCode} before it was listening."));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);

        try
        {
            if (!listening.Task.Wait(timeout))
            {
                throw new TimeoutException(
                    $"The emulator did not print {ReadyPrefix.Trim()} within {timeout.TotalSeconds:0} s.");
            }

            return new RunningEmulator(process, new Uri(listening.Task.Result.TrimEnd('/') + "/"));
        }
        catch (Exception error)
        {
            Kill(process);
            process.WaitForExit(5000);
            string reason = error is AggregateException aggregate ? aggregate.InnerException!.Message : error.Message;
            lock (stderr)
            {
                throw new InvalidOperationException($"{reason} Command: {start.FileName} " +
                    $"{string.Join(' ', start.ArgumentList)}\nstderr:\n{stderr}", error);
            }
        }
    }

    public void Dispose()
    {
        Kill(process);
        process.WaitForExit(5000);
        process.Dispose();
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
