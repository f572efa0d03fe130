import Tolok

/// `tolok validate`: check the datasets, print every problem, exit 1 on any error.
enum ValidateCommand {
    static let help = """
    USAGE: tolok validate [--data DIR] [--format F]

    Checks every dataset file against datapackage.json: CSV structure, field types, canonical
    numbers, required fields, allowed values, primary keys, references between tables. Prints every
    problem on standard error as  path:LINE:COLUMN: error|warning: message.

    OPTIONS:
      --data DIR    the datasets folder (default: datasets)
      --format F    table (default: the counts), or csv, md, json: every problem as a row (file,
                    line, column, severity, message) on standard output

    EXIT STATUS: 0 no errors (warnings allowed), 1 errors found, 2 usage error.

    EXAMPLE:
      tolok validate --data datasets
    """

    static func run(_ arguments: inout Arguments, console: Console) throws(UsageError) -> Int32 {
        let directory = try arguments.value("--data") ?? "datasets"
        let format = try PrintOptions.format(arguments.value("--format"))
        try arguments.finish(command: "validate")
        let result = TolokCommandLine.load(directory, console: console, warnings: .max)
        let d = result.diagnostics
        if let format, format != .table {
            var table = Tabular(header: ["file", "line", "column", "severity", "message"])
            for x in d {
                table.rows.append([.text(x.file), x.line.map(CSVCell.integer) ?? .missing, x.column.map(CSVCell.integer) ?? .missing,
                                   .text(x.severity.rawValue), .text(x.message)])
            }
            let text = table.render(format)
            console.out(String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)))
            return result.hasErrors ? 1 : 0
        }
        if let dataset = result.dataset {
            console.out("\(directory): \(dataset.count(ObservationField.self)) observations, \(dataset.count(BudgetField.self)) budget lines, "
                + "\(dataset.count(ReferenceField.self)) references, \(dataset.count(SourceField.self)) sources, \(dataset.count(AreaField.self)) areas")
        }
        console.out("\(d.errorCount) error\(d.errorCount == 1 ? "" : "s"), \(d.warningCount) warning\(d.warningCount == 1 ? "" : "s")")
        return result.hasErrors ? 1 : 0
    }
}
