using System.Text;

namespace TotalPlace.Reports.Html;

/// <summary>Renders a <see cref="Document"/> as GitHub-flavoured Markdown, for editing or pasting into a word processor.</summary>
public static class MarkdownRenderer
{
    /// <summary>Renders the document as Markdown (LF line endings, deterministic).</summary>
    public static string Render(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        md.Append("# ").Append(Inline(document.Title)).Append("\n\n");
        md.Append(Inline(document.Subtitle)).Append("\n\n");
        md.Append('*').Append(Inline(document.VersionLine)).Append("*\n\n");
        if (document.MadeFrom is { } madeFrom)
        {
            md.Append("Made from ").Append(Inline(madeFrom)).Append("\n\n");
        }
        foreach (var block in document.Blocks)
        {
            Write(md, block);
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Write(StringBuilder md, DocumentBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                md.Append(new string('#', Math.Clamp(h.Level, 2, 4))).Append(' ').Append(Inline(h.Text)).Append("\n\n");
                break;
            case ParagraphBlock p:
                md.Append(Inline(p.Text)).Append("\n\n");
                break;
            case FactsBlock f:
                foreach (var (key, value) in f.Facts)
                {
                    md.Append("- **").Append(Inline(key)).Append(":** ").Append(Inline(value)).Append('\n');
                }

                md.Append('\n');
                break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    md.Append("- ").Append(Inline(item)).Append('\n');
                }

                md.Append('\n');
                break;
            case TableBlock t:
                md.Append("**").Append(Inline(t.Caption)).Append("**\n\n");
                md.Append("| ").AppendJoin(" | ", t.Headers.Select(Cell)).Append(" |\n|");
                for (var i = 0; i < t.Headers.Count; i++)
                {
                    md.Append(t.NumericColumns.Contains(i) ? " ---: |" : " --- |");
                }

                md.Append('\n');
                foreach (var row in t.Rows)
                {
                    md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
                }

                if (t.Footer is { } footer)
                {
                    md.Append("| ").AppendJoin(" | ", footer.Select(c => c.Length == 0 ? "" : $"**{Cell(c)}**")).Append(" |\n");
                }

                md.Append('\n');
                break;
            case SignaturesBlock s:
                foreach (var sig in s.Signatures)
                {
                    md.Append("**").Append(Inline(sig.Organisation)).Append("**\n\n")
                        .Append("Signed: ______________________________  Date: ______________\n\n")
                        .Append(Inline(sig.Name)).Append(", ").Append(Inline(sig.Role)).Append("\n\n");
                }

                break;
            case PageBreakBlock:
                md.Append("---\n\n");
                break;
            case ChartBlock c:
                Write(md, c.ToTable());
                break;
            default:
                throw new ArgumentException($"The block type {block.GetType().Name} has no Markdown rendering.", nameof(block));
        }
    }

    // Characters that would start Markdown formatting are escaped so names such as "A&E" or "*" print as written.
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);
}
