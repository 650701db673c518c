using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace EsShell.Hosting;

/// <summary>
/// Answers prompts from a queue of scripted answers, in order. An answer is an <see cref="int"/> (choice index),
/// a <see cref="string"/> (text, or a choice's hot key/label), a <see cref="PSCredential"/>, or a string array
/// (for an array field of Prompt). A prompt with no queued answer, or whose answer does not fit, throws
/// <see cref="UnexpectedPromptException"/>, so an unplanned -Confirm prompt fails the test instead of hanging it.
/// </summary>
public sealed class QueuedPromptResponder : IHostPromptResponder
{
    private readonly Queue<object> _answers;
    private readonly List<string> _asked = new();
    private readonly List<UnexpectedPromptException> _unexpected = new();

    public QueuedPromptResponder(IEnumerable<object>? answers = null) => _answers = new Queue<object>(answers ?? []);

    public QueuedPromptResponder Enqueue(object answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_answers) _answers.Enqueue(answer);
        return this;
    }

    public int Remaining
    {
        get { lock (_answers) return _answers.Count; }
    }

    /// <summary>Descriptions of every prompt that was asked, answered or not.</summary>
    public IReadOnlyList<string> Asked
    {
        get { lock (_answers) return _asked.ToArray(); }
    }

    /// <summary>
    /// Prompts that could not be answered. Kept because the engine may wrap or swallow the exception
    /// thrown from the host (e.g. as a HostException error record); the test harness re-checks this list.
    /// </summary>
    public IReadOnlyList<UnexpectedPromptException> Unexpected
    {
        get { lock (_answers) return _unexpected.ToArray(); }
    }

    public int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        var what = PromptText.Describe("PromptForChoice", caption, message,
            PromptText.ChoiceLine(choices, defaultChoice).TrimEnd(' ', ':'));
        var answer = Next(what);
        var index = answer switch
        {
            int i => i,
            string s => PromptText.MatchChoice(choices, s),
            _ => -1,
        };
        if (index < 0 || index >= choices.Count)
            throw Fail(what, $"The queued answer '{answer}' is not one of the {choices.Count} choices.");
        return index;
    }

    public Dictionary<string, PSObject> Prompt(
        string caption,
        string message,
        Collection<FieldDescription> descriptions)
    {
        var result = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            var what =
                PromptText.Describe("Prompt", caption, message, $"field '{field.Name}' ({field.ParameterTypeName})");
            var answer = Next(what);
            object value = answer switch
            {
                string s when field.ParameterTypeFullName == typeof(SecureString).FullName => ToSecureString(s),
                string or string[] or PSCredential => answer,
                _ => throw Fail(what,
                    $"The queued answer '{answer}' ({answer.GetType().Name}) cannot answer a text field."),
            };
            result[field.Name] = PSObject.AsPSObject(value);
        }
        return result;
    }

    public PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
    {
        var what = PromptText.Describe("PromptForCredential", caption, message,
            string.IsNullOrEmpty(userName) ? null : $"user '{userName}'");
        return Next(what) as PSCredential ?? throw Fail(what, "The queued answer is not a PSCredential.");
    }

    public string ReadLine()
    {
        const string what = "ReadLine";
        return Next(what) as string ?? throw Fail(what, "The queued answer is not a string.");
    }

    public SecureString ReadLineAsSecureString()
    {
        const string what = "ReadLineAsSecureString";
        return ToSecureString(Next(what) as string ?? throw Fail(what, "The queued answer is not a string."));
    }

    private object Next(string what)
    {
        lock (_answers)
        {
            _asked.Add(what);
            if (_answers.Count > 0) return _answers.Dequeue();
        }
        throw Fail(what, "No answer was queued for it.");
    }

    private UnexpectedPromptException Fail(string what, string reason)
    {
        var exception = new UnexpectedPromptException($"Unexpected host prompt — {what}. {reason}");
        lock (_answers) _unexpected.Add(exception);
        return exception;
    }

    private static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}

/// <summary>The engine asked a question that no scripted answer covers.</summary>
public sealed class UnexpectedPromptException(string message) : InvalidOperationException(message);
