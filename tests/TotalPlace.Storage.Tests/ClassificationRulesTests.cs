using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

public sealed class ClassificationRulesTests
{
    [Theory]
    [InlineData("Adult Social Care", null, "health-social-care")]
    [InlineData("ADULTS SERVICES - OLDER PEOPLE", null, "health-social-care")]
    [InlineData("Children's Services", null, "children-young-people")]
    [InlineData("Childrens Social Care", null, "children-young-people")]
    [InlineData("Youth Offending Service", null, "offender-management")]
    [InlineData("Housing Options and Homelessness", null, "housing")]
    [InlineData("Waste Collection", null, "environment-transport")]
    [InlineData("Highways Maintenance", null, "environment-transport")]
    [InlineData("Libraries", null, "culture-leisure")]
    [InlineData("ICT Services", null, "corporate-back-office")]
    [InlineData("District Planning", null, "environment-transport")]
    [InlineData("Public Health", null, "health-inequalities")]
    [InlineData("Substance Misuse Services", null, "drugs-alcohol")]
    [InlineData("Acute Services", null, "health-social-care")]
    [InlineData("Probation Services", null, "offender-management")]
    [InlineData("Housing Benefit", null, "welfare-benefits")]
    [InlineData("Revenues and Benefits", null, "corporate-back-office")]
    [InlineData("Pension Fund", null, "corporate-back-office")]
    [InlineData(null, "Computer Software", "corporate-back-office")]
    [InlineData(null, "Independent Fostering Agencies", "children-young-people")]
    [InlineData(null, "Current Account Charges", "unclassified")]
    [InlineData("Nowhere in particular", "Sundries", "unclassified")]
    public void Default_TypicalPublishedAreasAndTypes_MapToTheDefaultThemes(string? area, string? type, string expected)
    {
        var line = new TransactionBuilder().InArea(area).OfType(type).To("Zed").Build();

        Assert.Equal(expected, ClassificationRules.Default.Classify(line));
    }

    [Fact]
    public void Default_EveryRuleTheme_IsADefaultTheme()
    {
        var codes = Theme.Defaults.Select(t => t.Code).ToHashSet();

        Assert.All(ClassificationRules.Default.Rules, r => Assert.Contains(r.Theme, codes));
        Assert.True(ClassificationRules.Default.Rules.Count > 100);
    }

    [Fact]
    public void Classify_TwoRulesMatch_HigherPriorityWinsThenEarlierInTheList()
    {
        var rules = new ClassificationRules(
        [
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Contains, "care", "housing", 10),
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Contains, "social", "health-social-care", 20),
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Prefix, "adult", "culture-leisure", 20),
        ]);

        Assert.Equal("health-social-care", rules.Classify(new ClassificationKey(null, "Adult Social Care", null, null, null)));
        Assert.Equal("culture-leisure", rules.Classify(new ClassificationKey(null, "Adult Care", null, null, null)));
        Assert.Equal("housing", rules.Classify(new ClassificationKey(null, "Child Care", null, null, null)));
        Assert.Equal(Theme.Unclassified.Code, rules.Classify(default(ClassificationKey)));
    }

    [Fact]
    public void Classify_ExactMatch_IgnoresCaseAndSurroundingSpaceOnly()
    {
        var rules = new ClassificationRules([new ClassificationRule(ClassificationField.ServiceCode, ClassificationMatch.Exact, "ASC01", "health-social-care")]);

        Assert.Equal("health-social-care", rules.Classify(new ClassificationKey("  asc01 ", null, null, null, null)));
        Assert.Equal("unclassified", rules.Classify(new ClassificationKey("ASC011", null, null, null, null)));
    }

    [Fact]
    public void Parse_RuleFile_ReadsCommentsQuotesAndDefaults()
    {
        const string text = "\uFEFFfield,match,pattern,theme,priority,note\r\n# a comment\r\n\r\nexpense_area,contains,\"care, social\",health-social-care,,\"says \"\"why\"\"\"\r\nService Code,REGEX,^AS[0-9],health-social-care,5\r\n";

        var rules = ClassificationRules.Parse(text, "mine.csv").Rules;

        Assert.Equal(
            [
                new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Contains, "care, social", "health-social-care", 100, "says \"why\""),
                new ClassificationRule(ClassificationField.ServiceCode, ClassificationMatch.Regex, "^AS[0-9]", "health-social-care", 5),
            ],
            rules);
    }

    [Theory]
    [InlineData("expense_area,contains,x,housing", "line 1")]
    [InlineData("field,match,pattern,theme,priority\nwhere,contains,x,housing,1", "line 2, column field")]
    [InlineData("field,match,pattern,theme,priority\nexpense_area,fuzzy,x,housing,1", "line 2, column match")]
    [InlineData("field,match,pattern,theme,priority\nexpense_area,regex,(unclosed,housing,1", "line 2")]
    [InlineData("field,match,pattern,theme,priority\nexpense_area,contains,x,housing,high", "line 2, column priority")]
    [InlineData("field,match,pattern,theme,priority\nexpense_area,contains,,housing,1", "line 2")]
    public void Parse_BadLine_NamesTheFileLineAndColumn(string text, string where)
    {
        var error = Assert.Throws<FormatException>(() => ClassificationRules.Parse(text, "rules.csv"));

        Assert.StartsWith("rules.csv, " + where, error.Message, StringComparison.Ordinal);
    }

    public static Arbitrary<ClassificationRule> Rules() =>
        (from field in Gen.Elements(Enum.GetValues<ClassificationField>())
         from match in Gen.Elements(ClassificationMatch.Exact, ClassificationMatch.Prefix, ClassificationMatch.Contains)
         from pattern in Gen.Elements("care", "a,b", "say \"hi\"", "Children's", "  padded  ", "x")
         from theme in Gen.Elements(Theme.Defaults.Select(t => t.Code).ToArray())
         from priority in Gen.Choose(-5, 500)
         from note in Gen.Elements("", "why, because", "\"quoted\"")
         select new ClassificationRule(field, match, pattern.Trim(), theme, priority, note))
        .ToArbitrary();

    [Property(Arbitrary = [typeof(ClassificationRulesTests)])]
    public bool Parse_OfFormat_GivesTheSameRules(ClassificationRule[] rules) =>
        ClassificationRules.Parse(ClassificationRules.Format(rules)).Rules.SequenceEqual(rules);

    [Fact]
    public void Default_FormattedAndParsed_IsUnchanged()
    {
        var text = ClassificationRules.Format(ClassificationRules.Default.Rules);

        Assert.Equal(ClassificationRules.Default.Rules, ClassificationRules.Parse(text).Rules);
    }

    [Fact]
    public void ClassificationRule_Equality_FollowsTheValueLaws() =>
        ValueLaws.Equality(
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "x", "housing"),
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "x", "housing"),
            new ClassificationRule(ClassificationField.ExpenseType, ClassificationMatch.Exact, "x", "housing"),
            new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Exact, "x", "housing", 1));

    public static Arbitrary<ClassificationKey> Keys() =>
        (from code in Gen.Elements<string?>(null, "ASC100", "CS300", "X1")
         from area in Gen.Elements<string?>(null, "Adult Social Care", "Nowhere", "Libraries", "Youth Offending")
         from type in Gen.Elements<string?>(null, "Computer Software", "Sundries", "Rents")
         from description in Gen.Elements<string?>(null, "care home fees", "homeless hostel", "misc")
         from supplier in Gen.Elements<string?>(null, "Pennine NHS Trust", "Zed Ltd", "Oak Housing Association")
         select new ClassificationKey(code, area, type, description, supplier))
        .ToArbitrary();

    [Property(Arbitrary = [typeof(ClassificationRulesTests)])]
    public bool StoreClassifier_TwoStageCache_AgreesWithTheRules(ClassificationKey[] keys, ClassificationRule[] extra)
    {
        var rules = new ClassificationRules([.. ClassificationRules.Default.Rules, .. extra]);
        var classifier = new StoreClassifier(rules, Theme.Defaults);
        return keys.Concat(keys).All(k => classifier.Classify(k) == rules.Classify(k));
    }
}
