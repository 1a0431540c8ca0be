namespace TotalPlace.Core.Spending;

/// <summary>The fields of a spend line that classification reads; two lines with equal keys get the same theme.</summary>
/// <remarks>Stores classify by distinct key rather than by line, so re-classifying ten million lines costs as many
/// rule evaluations as there are distinct keys. The default value has every field null and classifies as
/// <see cref="Places.Theme.Unclassified"/> unless a rule matches empty text.</remarks>
public readonly record struct ClassificationKey(
    string? ServiceCode,
    string? ExpenseArea,
    string? ExpenseType,
    string? Description,
    string? Supplier)
{
    /// <summary>The key of a transaction.</summary>
    public static ClassificationKey Of(Transaction line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.ServiceCode, line.ExpenseArea, line.ExpenseType, line.Description, line.Supplier);
    }

    /// <summary>The value of one field.</summary>
    public string? this[ClassificationField field] => field switch
    {
        ClassificationField.ServiceCode => ServiceCode,
        ClassificationField.ExpenseArea => ExpenseArea,
        ClassificationField.ExpenseType => ExpenseType,
        ClassificationField.Description => Description,
        ClassificationField.Supplier => Supplier,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown classification field"),
    };

    /// <summary>A copy with the fields that no rule reads set to null, so equal-for-classification keys compare equal.</summary>
    public ClassificationKey Keeping(IReadOnlySet<ClassificationField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new(
            fields.Contains(ClassificationField.ServiceCode) ? ServiceCode : null,
            fields.Contains(ClassificationField.ExpenseArea) ? ExpenseArea : null,
            fields.Contains(ClassificationField.ExpenseType) ? ExpenseType : null,
            fields.Contains(ClassificationField.Description) ? Description : null,
            fields.Contains(ClassificationField.Supplier) ? Supplier : null);
    }
}
