import Foundation

/// Timing helpers: medians of repeated runs, and the process's peak memory.
enum Measure {
    /// `--quick`: a third of the repetitions (at least one), for a run of a few minutes.
    static let quick = CommandLine.arguments.contains("--quick")

    /// The median of `runs` timings of `body` (a third of them with `--quick`), in milliseconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<(quick ? max(1, runs / 3) : runs) {
            let elapsed = try clock.measure { try body() }
            samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    /// Peak resident memory of this process so far, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// One report line: `name: value unit (target < limit) ok|OVER`.
    static func report(_ name: String, _ value: Double, unit: String = "ms", target: Double?) -> String {
        let figure = String(format: value < 1 ? "%.3f" : "%.2f", value)
        guard let target else { return "\(name): \(figure) \(unit)" }
        return "\(name): \(figure) \(unit) (target < \(String(format: "%g", target)) \(unit)) \(value < target ? "ok" : "OVER")"
    }
}
