import Foundation
import Tolok

/// Progress of a long command on standard error: each stage's rows and rows per second. Stages
/// of a run that stays under two seconds print nothing; once a run passes two seconds, the stages
/// so far and every later one are printed. `--quiet` silences it; `TOLOK_PROGRESS=always` prints
/// every stage however short the run (for timing the stages of a small run).
final class Progress {
    private let console: Console
    private let quiet: Bool
    private let start = Date()
    private var stageStart = Date()
    private var stageCPU = Progress.cpuSeconds()
    private var pending: [String] = []
    private var printing = ProcessInfo.processInfo.environment["TOLOK_PROGRESS"] == "always"

    init(console: Console, quiet: Bool) {
        self.console = console
        self.quiet = quiet
    }

    /// Ends a stage that handled `rows` rows (0: no rate).
    func stage(_ name: String, rows: Int = 0) {
        let now = Date()
        let seconds = now.timeIntervalSince(stageStart)
        let cpu = Self.cpuSeconds()
        let cpuSeconds = cpu - stageCPU
        stageStart = now
        stageCPU = cpu
        guard !quiet else { return }
        var line = "  \(name): " + String(format: "%.2f s (CPU %.2f s)", seconds, cpuSeconds)
        if rows > 0 {
            let rate = Double(rows) / max(seconds, 1e-6)
            line += ", \(NumberText.grouped(rows)) rows (" + (rate >= 1e6 ? String(format: "%.1f M", rate / 1e6) : String(format: "%.0f k", rate / 1e3)) + " rows/s)"
        }
        line += ", peak memory \(Self.peakMegabytes()) MB"
        pending.append(line)
        if !printing, now.timeIntervalSince(start) > 2 { printing = true }
        if printing {
            pending.forEach(console.err)
            pending.removeAll()
        }
    }

    /// The process's peak resident memory so far, in MB.
    static func peakMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// CPU seconds the process has used (user and system, every thread).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Seconds since the command started.
    var elapsed: Double { Date().timeIntervalSince(start) }
}
