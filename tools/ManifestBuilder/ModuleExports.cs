using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EmailSecurity.ManifestBuilder;

/// <summary>
/// What a binary module exports, read from its assembly's metadata without loading it (the assembly targets
/// netstandard2.0 and PowerShellStandard, neither of which this tool loads): the public, non-abstract classes marked
/// [Cmdlet], the [Alias] names on them, and the assembly version.
/// </summary>
public sealed record ModuleExports(Version Version, IReadOnlyList<string> Cmdlets, IReadOnlyList<string> Aliases)
{
    private const string CmdletAttribute = "System.Management.Automation.CmdletAttribute";
    private const string AliasAttribute = "System.Management.Automation.AliasAttribute";

    public static ModuleExports Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var cmdlets = new List<string>();
        var aliases = new List<string>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility != TypeAttributes.Public || (type.Attributes & TypeAttributes.Abstract) != 0)
            {
                continue;
            }

            string? cmdlet = null;
            var typeAliases = new List<string>();
            foreach (var attributeHandle in type.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(attributeHandle);
                switch (AttributeTypeName(metadata, attribute))
                {
                    case CmdletAttribute:
                        var names = attribute.DecodeValue(TypeNames.Instance).FixedArguments;
                        cmdlet = $"{names[0].Value}-{names[1].Value}";
                        break;
                    case AliasAttribute:
                        var values = (ImmutableArray<CustomAttributeTypedArgument<string>>)attribute.DecodeValue(
                            TypeNames.Instance).FixedArguments[0].Value!;
                        typeAliases.AddRange(values.Select(v => (string)v.Value!));
                        break;
                }
            }

            if (cmdlet != null)
            {
                cmdlets.Add(cmdlet);
                aliases.AddRange(typeAliases);
            }
        }

        var version = metadata.GetAssemblyDefinition().Version;
        cmdlets.Sort(StringComparer.Ordinal);
        aliases.Sort(StringComparer.Ordinal);
        return new ModuleExports(new Version(version.Major, version.Minor, Math.Max(0, version.Build)), cmdlets,
            aliases);
    }

    private static string AttributeTypeName(MetadataReader metadata, CustomAttribute attribute)
    {
        var parent = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference(
                (MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor)
                .GetDeclaringType(),
            _ => default,
        };
        return parent.Kind switch
        {
            HandleKind.TypeReference => Name(metadata, metadata.GetTypeReference((TypeReferenceHandle)parent).Namespace,
                metadata.GetTypeReference((TypeReferenceHandle)parent).Name),
            HandleKind.TypeDefinition => Name(metadata, metadata.GetTypeDefinition(
                (TypeDefinitionHandle)parent).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
            _ => string.Empty,
        };
    }

    private static string Name(MetadataReader metadata, StringHandle ns, StringHandle name) =>
        $"{metadata.GetString(ns)}.{metadata.GetString(name)}";

    /// <summary>
    /// Just enough of a type provider to decode the attributes above: types are their names, and every enum in a
    /// named argument (ConfirmImpact) is taken as int, which PowerShell's enums are.
    /// </summary>
    private sealed class TypeNames : ICustomAttributeTypeProvider<string>
    {
        public static readonly TypeNames Instance = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            Name(reader, reader.GetTypeDefinition(handle).Namespace, reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            Name(reader, reader.GetTypeReference(handle).Namespace, reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
