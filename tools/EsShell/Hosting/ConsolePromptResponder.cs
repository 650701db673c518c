using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace EsShell.Hosting;

/// <summary>Asks the person at the console; with redirected stdin the answers are read from it, line by line.</summary>
public sealed class ConsolePromptResponder : IHostPromptResponder
{
    private readonly TextWriter _output;

    public ConsolePromptResponder(TextWriter? output = null) => _output = output ?? Console.Out;

    public int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        WriteHeading(caption, message);
        while (true)
        {
            _output.Write(PromptText.ChoiceLine(choices, defaultChoice));
            var answer = ReadLine().Trim();
            if (answer.Length == 0 && defaultChoice >= 0 && defaultChoice < choices.Count) return defaultChoice;
            if (answer == "?")
            {
                foreach (var choice in choices)
                    _output.WriteLine($"{PromptText.HotKey(choice)} - {choice.HelpMessage}");
                continue;
            }
            var index = PromptText.MatchChoice(choices, answer);
            if (index >= 0) return index;
        }
    }

    public Dictionary<string, PSObject> Prompt(
        string caption,
        string message,
        Collection<FieldDescription> descriptions)
    {
        WriteHeading(caption, message);
        var result = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            object value;
            if (field.ParameterTypeFullName == typeof(SecureString).FullName)
            {
                _output.Write($"{field.Name}: ");
                value = ReadLineAsSecureString();
            }
            else if (field.ParameterTypeFullName == typeof(PSCredential).FullName)
            {
                value = PromptForCredential(string.Empty, string.Empty, string.Empty, string.Empty);
            }
            else if (field.ParameterTypeFullName.EndsWith("[]", StringComparison.Ordinal))
            {
                // Like pwsh: one element per line, an empty line ends the list.
                var items = new List<string>();
                while (true)
                {
                    _output.Write($"{field.Name}[{items.Count}]: ");
                    var line = ReadLine();
                    if (line.Length == 0) break;
                    items.Add(line);
                }
                value = items.ToArray();
            }
            else
            {
                _output.Write($"{field.Name}: ");
                value = ReadLine();
            }
            result[field.Name] = PSObject.AsPSObject(value);
        }
        return result;
    }

    public PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
    {
        WriteHeading(caption, message);
        if (string.IsNullOrEmpty(userName))
        {
            _output.Write("User: ");
            userName = ReadLine();
        }
        _output.Write($"Password for user {userName}: ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    public string ReadLine()
    {
        _output.Flush();
        return Console.ReadLine()
            ?? throw new PromptingException("The input ended while EsShell was waiting for an answer.");
    }

    public SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        if (Console.IsInputRedirected)
        {
            foreach (var c in ReadLine()) secure.AppendChar(c);
        }
        else
        {
            _output.Flush();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key =
                Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    if (secure.Length > 0) secure.RemoveAt(secure.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    secure.AppendChar(key.KeyChar);
                }
            }
            _output.WriteLine();
        }
        secure.MakeReadOnly();
        return secure;
    }

    private void WriteHeading(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption)) _output.WriteLine(caption);
        if (!string.IsNullOrEmpty(message)) _output.WriteLine(message);
    }
}
