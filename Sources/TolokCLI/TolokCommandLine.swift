import Foundation
import Tolok

/// The `tolok` command line: parses arguments, runs a command, returns the exit code
/// (0 success, 1 data errors, 2 usage errors).
public enum TolokCommandLine {
    public static let version = "0.1.0"

    static let commands: [(name: String, summary: String, help: String)] = [
        ("report", "load, validate and compute everything; write the outputs", ReportCommand.help),
        ("validate", "check the datasets and print every problem with file, line and column", ValidateCommand.help),
        ("audit", "recompute totals, percentages, capaian; list where the published figures differ", AuditCommand.help),
        ("compare", "districts against their province and the nation, by canonical indicator", CompareCommand.help),
        ("rank", "rank districts on one indicator (polarity-aware, ties shared)", RankCommand.help),
        ("composite", "composite index over chosen indicators, with rank robustness", CompositeCommand.help),
        ("indicators", "the canonical indicators, or the printed labels no mapping covers", IndicatorsCommand.help),
        ("synth", "write a synthetic datasets folder for benchmarks at national scale", SynthCommand.help),
        ("pipeline", "the benchmark pipeline: compare and rank, without the audit (benchmarks/SPEC.md)", PipelineCommand.help),
    ]

    static var overview: String {
        var text = """
        tolok — benchmarks Indonesian district labour agencies from their published reports

        USAGE: tolok <command> [options]

        COMMANDS:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += """

        OPTIONS:
          -h, --help    show help (also: tolok <command> --help)
          --version     show the version

        Run 'tolok report' from the repository folder to process the shipped datasets.
        """
        return text
    }

    /// Sets how the process's allocator hands memory back, for the executable that runs
    /// `arguments` (a test process that runs commands keeps its own): large buffers go back to the
    /// system (``MemoryPolicy/returnLargeBuffers()``), except in the commands that analyse, which
    /// reuse what they free (``MemoryPolicy/reuseFreedMemory()``).
    public static func setMemoryPolicy(for arguments: [String]) {
        MemoryPolicy.returnLargeBuffers()
        if let command = arguments.first, reusingFreedMemory.contains(command) { MemoryPolicy.reuseFreedMemory() }
    }

    /// The commands that keep what they free for reuse: they allocate and free several times their
    /// peak. At scale 1 (compare, rank, audit, composite): half the system time, for peaks 50–90 MB
    /// higher; a million page faults fewer for compare of every district. The pipeline returns
    /// large buffers for a small, repeatable peak (the benchmark measures it).
    static let reusingFreedMemory: Set<String> = ["report", "audit", "compare", "rank", "composite", "indicators"]

    /// Makes an interrupt (SIGINT, SIGTERM, SIGHUP) remove the run's temporary files, so the
    /// previous outputs stay as they were; for the executable (``AtomicFile/removeStagedFilesOnInterrupt()``).
    public static func removeTemporaryFilesOnInterrupt() {
        AtomicFile.removeStagedFilesOnInterrupt()
    }

    /// Runs `tolok` with `arguments` (without the program name).
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.out(overview)
            return 0
        }
        if first == "--help" || first == "-h" || first == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help)
            } else {
                console.out(overview)
            }
            return 0
        }
        if first == "--version" {
            console.out("tolok \(version)")
            return 0
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            console.err("error: unknown command '\(first)'")
            console.err("Run 'tolok --help' for the list of commands.")
            return 2
        }
        var rest = Arguments(Array(arguments.dropFirst()))
        if rest.flag("--help") || rest.flag("-h") {
            console.out(command.help)
            return 0
        }
        do {
            switch command.name {
            case "validate": return try ValidateCommand.run(&rest, console: console)
            case "report": return try ReportCommand.run(&rest, console: console)
            case "audit": return try AuditCommand.run(&rest, console: console)
            case "compare": return try CompareCommand.run(&rest, console: console)
            case "rank": return try RankCommand.run(&rest, console: console)
            case "composite": return try CompositeCommand.run(&rest, console: console)
            case "indicators": return try IndicatorsCommand.run(&rest, console: console)
            case "synth": return try SynthCommand.run(&rest, console: console)
            case "pipeline": return try PipelineCommand.run(&rest, console: console)
            default: return 2
            }
        } catch {
            console.err("error: \(error.message)")
            console.err("Run 'tolok \(command.name) --help' for usage.")
            return 2
        }
    }

    /// Loads the datasets for a command that computes: prints every diagnostic, and returns
    /// `nil` (after saying nothing will be written) when there are errors.
    static func loadClean(_ directory: String, command: String, console: Console, progress: Progress? = nil) -> Dataset? {
        let result = load(directory, console: console)
        guard let dataset = result.dataset, !result.hasErrors else {
            console.err("tolok \(command): \(result.diagnostics.errorCount) error(s) in \(directory); nothing written. Fix them (tolok validate lists them) and run again.")
            return nil
        }
        progress?.stage("load and validate", rows: records(dataset))
        return dataset
    }

    /// Loads the datasets and aligns them, for the analysis commands.
    static func analysis(_ directory: String, command: String, console: Console, includeSuspect: Bool = false,
                         progress: Progress? = nil) -> Analysis? {
        guard let dataset = loadClean(directory, command: command, console: console, progress: progress) else { return nil }
        let analysis = Analysis(dataset, includeSuspect: includeSuspect, threads: parallel ? 2 : 1)
        progress?.stage("align and audit", rows: records(dataset))
        return analysis
    }

    /// The records a dataset's analyses read: observations, budget lines and references (the rows
    /// of a command's first stages in its progress).
    static func records(_ dataset: Dataset) -> Int {
        dataset.count(ObservationField.self) + dataset.count(BudgetField.self) + dataset.count(ReferenceField.self)
    }

    /// False when `TOLOK_THREADS=1`: every parallel path (file loading, the pipeline's export)
    /// runs on one thread, for comparing its bytes with the parallel run's.
    static var parallel: Bool { ProcessInfo.processInfo.environment["TOLOK_THREADS"] != "1" }

    /// The warnings a command other than `tolok validate` prints: at national scale a dataset can
    /// have thousands, which would bury the command's own output.
    static let warningsShown = 20

    /// Loads the datasets, checks the mapping tables, and prints on standard error every error and
    /// the first `warnings` warnings, then how many more there are (`tolok validate` prints them all).
    static func load(_ directory: String, console: Console, warnings: Int = warningsShown) -> DatasetLoader.Result {
        // The mapping tables are checked beside the tables' own checks.
        let result = DatasetLoader.load(directory: directory, parallel: parallel, alsoChecking: { Alignment.check($0) })
        var shown = 0
        for diagnostic in result.diagnostics {
            if diagnostic.severity == .warning {
                guard shown < warnings else { continue }
                shown += 1
            }
            console.err(diagnostic.description)
        }
        let more = result.diagnostics.warningCount - shown
        if more > 0 {
            console.err("… and \(NumberText.grouped(more)) more warning\(more == 1 ? "" : "s") (tolok validate --data \(directory) lists every one)")
        }
        return result
    }
}
