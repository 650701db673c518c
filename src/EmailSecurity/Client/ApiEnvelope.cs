using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace EmailSecurity.Client
{
    /// <summary>The v4 response envelope every endpoint answers with.</summary>
    internal sealed class ApiEnvelope<T>
    {
        [JsonPropertyName("success")]
        public bool Success { get; set; }

        [JsonPropertyName("errors")]
        public List<ApiMessage>? Errors { get; set; }

        [JsonPropertyName("messages")]
        public List<ApiMessage>? Messages { get; set; }

        [JsonPropertyName("result")]
        public T? Result { get; set; }

        [JsonPropertyName("result_info")]
        public ResultInfo? ResultInfo { get; set; }
    }

    public sealed class ApiMessage
    {
        [JsonPropertyName("code")]
        public int Code { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("documentation_url")]
        public string? DocumentationUrl { get; set; }

        [JsonPropertyName("source")]
        public ApiMessageSource? Source { get; set; }

        public override string ToString() => Code == 0 ? Message ?? string.Empty : $"{Message} (code {Code})";
    }

    public sealed class ApiMessageSource
    {
        [JsonPropertyName("pointer")]
        public string? Pointer { get; set; }
    }

    /// <summary>
    /// Paging information: page numbers for settings lists, a cursor (<see cref="Next"/>) for message search.
    /// </summary>
    public sealed class ResultInfo
    {
        [JsonPropertyName("count")]
        public int? Count { get; set; }

        [JsonPropertyName("page")]
        public int? Page { get; set; }

        [JsonPropertyName("per_page")]
        public int? PerPage { get; set; }

        [JsonPropertyName("total_count")]
        public long? TotalCount { get; set; }

        [JsonPropertyName("next")]
        public string? Next { get; set; }

        [JsonPropertyName("previous")]
        public string? Previous { get; set; }
    }
}
