using System;

namespace EmailSecurity.Client
{
    /// <summary>
    /// Declares that a model is the entry of an API collection (a settings list, the bulk action jobs), where it lives
    /// and how a person knows it: <c>[ApiCollection("/settings/block_senders", "pattern_id", "blocked sender",
    /// "pattern", "comments")]</c>. The catalog makes the collection's operations from it
    /// (<see cref="ApiCatalog.CollectionOf"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    internal sealed class ApiCollectionAttribute : Attribute
    {
        /// <param name="route">The collection's route, e.g. "/settings/block_senders".</param>
        /// <param name="itemParameter">The name of the entry's placeholder in its route, e.g. "pattern_id".</param>
        /// <param name="noun">What one entry is called in messages, e.g. "blocked sender".</param>
        /// <param name="describedBy">The fields that tell a person which entry an id is.</param>
        public ApiCollectionAttribute(string route, string itemParameter, string noun, params string[] describedBy)
        {
            Route = route;
            ItemParameter = itemParameter;
            Noun = noun;
            DescribedBy = describedBy;
        }

        public string Route { get; }

        public string ItemParameter { get; }

        public string Noun { get; }

        public string[] DescribedBy { get; }

        /// <summary>
        /// A list filter whose values the older API takes in lower case and the newer in upper case: the list is
        /// declared in both shapes (<see cref="RequestShape.WithQueryCase"/>).
        /// </summary>
        public string? FilterCasedByVersion { get; set; }

        /// <summary>False when the API creates no entries of the collection.</summary>
        public bool Creates { get; set; } = true;

        /// <summary>False when the API edits no entries of the collection (PATCH).</summary>
        public bool Edits { get; set; } = true;

        /// <summary>True when the API replaces an entry's whole configuration with PUT.</summary>
        public bool Replaces { get; set; }

        /// <summary>
        /// True when the API changes the collection in atomic batches (<c>POST {route}/batch</c>, 2026-10): a batch
        /// it refuses changed nothing, so its changes may be sent again one by one. Not for domains, whose batch the
        /// reference does not call atomic.
        /// </summary>
        public bool Batches { get; set; }
    }
}
