using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace EsShell.Hosting;

/// <summary>
/// Answers the questions the engine asks through the host (ShouldProcess/-Confirm, Read-Host, Get-Credential, mandatory
/// parameters).
/// </summary>
public interface IHostPromptResponder
{
    Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions);
    int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice);
    PSCredential PromptForCredential(string caption, string message, string userName, string targetName);
    string ReadLine();
    SecureString ReadLineAsSecureString();
}
