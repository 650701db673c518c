namespace EmailSecurity.Models
{
    /// <summary>
    /// A result about one message (a move, a release, its detections, trace, raw text or preview). It carries the
    /// message's investigate id under a name every -Id that takes a message binds, so it pipes on as its message.
    /// </summary>
    /// <remarks>
    /// The property is InvestigateId, not Id: on a result, Id would read as the result's own id, and MessageId is what
    /// a Message calls its Message-ID header. The results' old name for it, MessageId, is kept as a hidden alias
    /// (scripts reading it keep working; Select-Object *, Format-List * and Export-Csv show InvestigateId only).
    /// </remarks>
    public interface IMessageResult
    {
        string? InvestigateId { get; }
    }
}
