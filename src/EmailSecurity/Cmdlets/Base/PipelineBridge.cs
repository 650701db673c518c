using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Carries work done on worker threads back to the cmdlet's pipeline thread, the only thread allowed to write
    /// to the pipeline. The worker posts actions (write these objects, this verbose line); the pipeline thread runs
    /// them in order until the worker is done. Pages are handed over one at a time so the worker fetches the next
    /// page while the current one is being written, and never more than one page ahead.
    /// </summary>
    internal sealed class PipelineBridge : IApiObserver, IDisposable
    {
        private readonly BlockingCollection<Action> actions = new BlockingCollection<Action>();
        private readonly EsCmdlet cmdlet;
        private Task previousPageWritten = Task.CompletedTask;
        private readonly Lazy<ProgressReporter> waiting;

        public PipelineBridge(EsCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            waiting = new Lazy<ProgressReporter>(
                () => new ProgressReporter(cmdlet, $"{cmdlet.MyInvocation.MyCommand.Name}: waiting for the API"));
        }

        public void Post(Action action)
        {
            try
            {
                actions.Add(action);
            }
            catch (Exception error) when (error is InvalidOperationException || error is ObjectDisposedException)
            {
                // The pipeline side has finished (stopped or failed); nothing is listening any more.
            }
        }

        /// <summary>
        /// Queues the writing of one page and returns as soon as the page before it has been written, so at most one
        /// page waits while another is written.
        /// </summary>
        public async Task PostPageAsync(IReadOnlyList<object> items, CancellationToken cancellationToken)
        {
            await WaitAsync(previousPageWritten, cancellationToken).ConfigureAwait(false);
            var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            previousPageWritten = written.Task;
            Post(() =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        cmdlet.WriteObject(item);
                    }
                }
                finally
                {
                    written.TrySetResult(true);
                }
            });
        }

        /// <summary>Waits until everything posted so far has been run on the pipeline thread.</summary>
        public Task DrainAsync(CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() => done.TrySetResult(true));
            return WaitAsync(done.Task, cancellationToken);
        }

        public void Verbose(string message) => Post(() => cmdlet.WriteVerbose(message));

        public void Debug(string message) => Post(() => cmdlet.WriteDebug(message));

        public void Warning(string message) => Post(() => cmdlet.WriteWarning(message));

        public void Progress(string status) => Post(() => waiting.Value.Report(status));

        /// <summary>
        /// Runs posted actions on the calling (pipeline) thread until <paramref name="worker"/> has finished.
        /// </summary>
        public void Pump(Task worker, CancellationToken stopping)
        {
            worker.ContinueWith(_ => actions.CompleteAdding(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var action in actions.GetConsumingEnumerable(stopping))
            {
                action();
            }
        }

        public void Dispose()
        {
            if (waiting.IsValueCreated)
            {
                try
                {
                    waiting.Value.Complete();
                }
                catch (System.Management.Automation.PipelineStoppedException)
                {
                    // Ctrl+C or a downstream -First ended the pipeline; there is no progress bar to close.
                }
            }

            actions.Dispose();
        }

        private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
        {
            if (task.IsCompleted)
            {
                return;
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
            {
                await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
    }
}
