using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Application.Counting;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Tests.Counting;

/// <summary>The reader's visibility rule and the dimension list parser, the two inputs every host hands the map.</summary>
public sealed class ReaderRulesTests
{
    [Theory]
    [InlineData(UserRole.Administrator, VisibilityKind.All)]
    [InlineData(UserRole.Board, VisibilityKind.All)]
    [InlineData(UserRole.AgencyAnalyst, VisibilityKind.PublishedOrAgency)]
    [InlineData(null, VisibilityKind.PublishedOnly)]
    public void For_EachRole_SeesWhatItsRoleAllows(UserRole? role, VisibilityKind expected)
    {
        var visibility = ReaderVisibility.For(role, "e10000008", " Devon County Council ");

        Assert.Equal(expected, visibility.Kind);
        Assert.Equal(expected != VisibilityKind.PublishedOnly, visibility.SeesAgency("E10000008", "devon county council"));
        Assert.Equal(expected == VisibilityKind.All, visibility.SeesAgency("E10000008", "Devon and Cornwall Police"));
    }

    [Theory]
    [InlineData(null, "Devon County Council")]
    [InlineData("E10000008", null)]
    [InlineData(" ", "Devon County Council")]
    public void For_AnalystWithoutPlaceOrAgency_SeesOnlyWhatIsPublished(string? place, string? agency) =>
        Assert.Equal(VisibilityKind.PublishedOnly, ReaderVisibility.For(UserRole.AgencyAnalyst, place, agency).Kind);

    [Fact]
    public void LocalUser_SeesEverything() => Assert.Equal(VisibilityKind.All, ReaderVisibility.LocalUser.Kind);

    [Fact]
    public void TryParse_Nothing_IsByThemeAndEmptyIsTheGrandTotal()
    {
        Assert.True(MapDimensions.TryParse(null, "by", out var none, out _));
        Assert.True(MapDimensions.TryParse(" ", "by", out var empty, out _));

        Assert.Equal([MapDimension.Theme], none);
        Assert.Empty(empty);
    }

    [Theory]
    [InlineData("theme,colour", "--by 'colour' is not a dimension")]
    [InlineData("theme,THEME", "--by names 'THEME' twice")]
    [InlineData("1", "--by '1' is not a dimension")]
    public void TryParse_BadList_NamesTheInputAndThePart(string text, string expected)
    {
        Assert.False(MapDimensions.TryParse(text, "--by", out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    /// <summary>Any order of distinct dimensions, written in any case with spaces around, reads back as written.</summary>
    [Property(MaxTest = 200)]
    public Property TryParse_DistinctDimensionsInAnyCase_KeepsTheirOrder() =>
        Prop.ForAll(
            Gen.Shuffle(Enum.GetValues<MapDimension>())
                .SelectMany(all => Gen.Choose(0, all.Length).Select(n => all.Take(n).ToArray()))
                .SelectMany(list => Gen.ArrayOf(Gen.Elements(true, false), 64).Select(upper => (list, upper)))
                .ToArbitrary(),
            input =>
            {
                var (list, upper) = input;
                var text = string.Join(",", list.Select((d, i) =>
                {
                    var word = d.ToString();
                    var cased = new string([.. word.Select((c, j) => upper[(i * 8 + j) % upper.Length] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
                    return i % 2 == 0 ? $" {cased} " : cased;
                }));

                var ok = MapDimensions.TryParse(text, "by", out var parsed, out var error);

                return (ok && error is null && parsed.SequenceEqual(list)).Label($"'{text}' read as [{string.Join(",", parsed)}] ({error})");
            });
}
