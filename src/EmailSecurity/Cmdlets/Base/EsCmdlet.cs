using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Base of every cmdlet in the module: Ctrl+C cancels the work in flight, async work is run off the pipeline
    /// thread with its output carried back (<see cref="PipelineBridge"/>), and failures become proper error records.
    /// </summary>
    public abstract class EsCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        protected CancellationToken StopToken => stopping.Token;

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>
        /// Whether the caller bound this parameter (for -Confirm, PATCH fields and the like: unbound is not false).
        /// </summary>
        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>
        /// Runs <paramref name="work"/> on a worker thread while this thread writes what it posts. A failure goes to
        /// <paramref name="onFailure"/>, or is written as a non-terminating error against
        /// <paramref name="errorTarget"/>; Ctrl+C ends the work promptly.
        /// </summary>
        internal void RunAsync(
            Func<PipelineBridge, CancellationToken, Task> work,
            object? errorTarget,
            Action<Exception>? onFailure = null)
        {
            using (var bridge = new PipelineBridge(this))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                var worker = Task.Run(() => work(bridge, linked.Token), linked.Token);
                try
                {
                    bridge.Pump(worker, stopping.Token);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
                finally
                {
                    // Whatever ended the pump (done, Ctrl+C, a downstream -First), the worker must not outlive the
                    // cmdlet.
                    linked.Cancel();
                    WaitQuietly(worker);
                }

                if (worker.IsCanceled && stopping.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                if (worker.Exception?.GetBaseException() is Exception failure)
                {
                    if (failure is OperationCanceledException && stopping.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }

                    if (onFailure != null)
                    {
                        onFailure(failure);
                    }
                    else
                    {
                        WriteError(ErrorRecords.From(failure, errorTarget));
                    }
                }
            }
        }

        private static void WaitQuietly(Task worker)
        {
            try
            {
                // The worker has been cancelled or has finished; this joins it, it does not wait on the network.
                worker.Wait();
            }
            catch (AggregateException)
            {
                // Inspected by the caller through worker.Exception.
            }
        }

        internal new void WriteObject(object sendToPipeline)
        {
            Writing(sendToPipeline);
            base.WriteObject(sendToPipeline);
        }

        /// <summary>Sees each object the cmdlet writes, just before it goes down the pipeline.</summary>
        private protected virtual void Writing(object item)
        {
        }
    }
}
