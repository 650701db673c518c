using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// A <see cref="MessageDetailCmdlet{TModel}"/> whose document can be saved as a file with -OutFile: one file, or
    /// one file per message named after its id when -OutFile is an existing directory. Saving is a change, so it is
    /// confirmed (ShouldProcess) before the document is even requested; the output is then the file, not the object.
    /// </summary>
    public abstract class MessageFileCmdlet<TModel> : MessageDetailCmdlet<TModel>
        where TModel : class
    {
        private static readonly char[] Unsafe = "<>:\"/\\|?*".ToCharArray();
        private readonly Dictionary<string, string> pathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        private string? outPath;
        private bool outIsDirectory;
        private string? fileTakenBy;

        /// <summary>A file to save to, or an existing directory to save one file per message in.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>The file name extension of a saved document, e.g. ".png".</summary>
        protected abstract string FileExtension { get; }

        /// <summary>What is saved, for -WhatIf and -Confirm: "preview" gives "Save the preview of message X".</summary>
        protected abstract string Document { get; }

        /// <summary>
        /// The bytes to save. May throw <see cref="FormatException"/> or <see cref="InvalidOperationException"/>.
        /// </summary>
        protected abstract byte[] ContentOf(TModel result);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (OutFile == null)
            {
                return;
            }

            outPath = GetUnresolvedProviderPathFromPSPath(OutFile);
            outIsDirectory = Directory.Exists(outPath);
            var given = IdsOfRecord.Distinct(StringComparer.Ordinal).Count();
            if (!outIsDirectory && given > 1)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException(
                        $"-OutFile '{OutFile}' is one file, and {given} messages were given. To save several " +
                        "messages, give -OutFile an existing directory: each message is saved in it as " +
                        $"<id>{FileExtension}."),
                    "EsOutFileIsOneFile",
                    ErrorCategory.InvalidArgument,
                    OutFile));
            }
        }

        protected override bool Accept(string id)
        {
            if (outPath == null)
            {
                return true;
            }

            string path;
            if (outIsDirectory)
            {
                path = Path.Combine(outPath, FileNameFor(id));
            }
            else if (fileTakenBy == null || fileTakenBy == id)
            {
                path = outPath;
            }
            else
            {
                WriteError(new ErrorRecord(
                    new ArgumentException(
                        $"-OutFile '{OutFile}' is one file and already holds message {fileTakenBy}, so message {id} " +
                        "was not saved. To save several messages, give -OutFile an existing directory: each message " +
                        $"is saved in it as <id>{FileExtension}."),
                    "EsOutFileIsOneFile",
                    ErrorCategory.InvalidArgument,
                    id));
                return false;
            }

            var message = MessageTarget.Describe(id, SourceOf(id, InputObject));
            if (!ShouldProcess(path, $"Save the {Document} of message {message}"))
            {
                return false;
            }

            fileTakenBy = fileTakenBy ?? id;
            pathOf[id] = path;
            return true;
        }

        protected override void Write(TModel result, string id)
        {
            if (outPath == null)
            {
                base.Write(result, id);
                return;
            }

            var path = pathOf[id];
            try
            {
                File.WriteAllBytes(path, ContentOf(result));
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException
                || error is NotSupportedException)
            {
                WriteError(new ErrorRecord(error, "EsOutFileNotWritten", ErrorCategory.WriteError, path));
                return;
            }
            catch (Exception error) when (error is FormatException || error is InvalidOperationException)
            {
                WriteError(new ErrorRecord(error, "EsUnreadableDocument", ErrorCategory.InvalidResult, id));
                return;
            }

            // Through the provider, as Get-Item would: the FileInfo then carries PSPath and friends, and formats as
            // files do.
            WriteObject(InvokeProvider.Item.Get(new[] { path }, false, true), true);
        }

        /// <summary>
        /// The id as a file name every file system takes: investigate ids hold ':' (a timestamp), which Windows
        /// refuses.
        /// </summary>
        private string FileNameFor(string id)
        {
            var name = new string(id.Select(c => char.IsControl(c) || Unsafe.Contains(c) ? '_' : c).ToArray());
            return name + FileExtension;
        }
    }
}
