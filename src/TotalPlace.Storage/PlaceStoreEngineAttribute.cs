namespace TotalPlace.Storage;

/// <summary>Marks an engine assembly's <see cref="IPlaceStoreEngine"/> implementation.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class PlaceStoreEngineAttribute(Type engineType) : Attribute
{
    /// <summary>A type implementing <see cref="IPlaceStoreEngine"/> with a public parameterless constructor.</summary>
    public Type EngineType { get; } = engineType;
}
