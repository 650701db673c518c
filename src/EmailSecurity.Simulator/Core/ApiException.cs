using System;

namespace EmailSecurity.Simulator.Core
{
    /// <summary>Error codes used in the envelope's errors[].code.</summary>
    internal static class ErrorCodes
    {
        public const int InternalError = 1000;
        public const int NotFound = 1002;
        public const int Validation = 1004;

        /// <summary>
        /// The state forbids the call (a duplicate, a job still running). Not from the references: invented here.
        /// </summary>
        public const int Conflict = 1009;
        public const int MethodNotAllowed = 7001;
        public const int NoRoute = 7003;
    }

    /// <summary>Thrown by handlers; turned into an error envelope by <see cref="EmailSecurityApi"/>.</summary>
    internal sealed class ApiException : Exception
    {
        public ApiException(int statusCode, int code, string message) : base(message)
        {
            StatusCode = statusCode;
            Code = code;
        }

        public int StatusCode { get; }
        public int Code { get; }

        /// <summary>400 with a message that starts with the offending field's name.</summary>
        public static ApiException Invalid(string field, string problem) =>
            new ApiException(400, ErrorCodes.Validation, field + ": " + problem);

        /// <summary>404 naming the kind of thing that was not found, e.g. "Message not found".</summary>
        public static ApiException NotFound(string kind) =>
            new ApiException(404, ErrorCodes.NotFound, kind + " not found");

        public static ApiException EndOfLife(string field, string replacement) =>
            Invalid(field, "has reached end of life; use " + replacement);

        /// <summary>400 for a query parameter the operation does not have (in this API version).</summary>
        public static ApiException UnknownParameter(string name) =>
            Invalid(name, "is not a parameter of this operation");

        /// <summary>400 for a body field the request does not have (in this API version).</summary>
        public static ApiException UnknownField(string name) => Invalid(name, "is not a field of this request");

        public static ApiException Conflict(string message) => new ApiException(409, ErrorCodes.Conflict, message);

        public bool IsValidation => StatusCode == 400;

        /// <summary>
        /// The same error with <paramref name="prefix"/> before its message, e.g. "patches[2]." before "id: is
        /// required".
        /// </summary>
        public ApiException Prefixed(string prefix) => new ApiException(StatusCode, Code, prefix + Message);

        public ApiException Suffixed(string suffix) => new ApiException(StatusCode, Code, Message + suffix);
    }
}
