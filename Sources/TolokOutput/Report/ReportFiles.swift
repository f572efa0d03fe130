/// The reports people read beside the CSV exports: `report.html`, `summary.md` and
/// `tolok.ipynb` (`tolok report` stages them with the CSV files, renamed into place together).
public enum ReportFiles {
    public static let names = ["report.html", "summary.md", "tolok.ipynb"]

    /// The three files' contents, by name, in ``names`` order.
    public static func render(_ data: ReportData, dialect: CSVDialect = .standard) -> [(name: String, text: String)] {
        [("report.html", HTMLReport(data).render()),
         ("summary.md", BriefingMarkdown(data).render()),
         ("tolok.ipynb", NotebookWriter(data, dialect: dialect).render())]
    }
}
