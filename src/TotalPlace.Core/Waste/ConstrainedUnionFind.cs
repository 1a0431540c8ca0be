namespace TotalPlace.Core.Waste;

/// <summary>Union-find whose unions can be refused: by reviewers' splits (cannot-link tokens) and by differing registered numbers.</summary>
internal sealed class ConstrainedUnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly string?[] _number;
    private readonly HashSet<int>?[] _forbidden;

    public ConstrainedUnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        _number = new string?[count];
        _forbidden = new HashSet<int>?[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void SetNumber(int x, string number) => _number[Find(x)] = number;

    /// <summary>Marks an element with a split token; a root holding +t never joins one holding -t.</summary>
    public void Forbid(int x, int token) => (_forbidden[Find(x)] ??= []).Add(token);

    public bool Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }

        if (_number[ra] is { } na && _number[rb] is { } nb && !string.Equals(na, nb, StringComparison.Ordinal))
        {
            return false;
        }

        if (_forbidden[ra] is { } fa && _forbidden[rb] is { } fb && (fa.Any(t => fb.Contains(-t))))
        {
            return false;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        _number[ra] ??= _number[rb];
        if (_forbidden[rb] is { } moved)
        {
            (_forbidden[ra] ??= []).UnionWith(moved);
            _forbidden[rb] = null;
        }

        return true;
    }
}
