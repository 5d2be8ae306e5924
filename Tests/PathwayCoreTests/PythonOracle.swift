import Foundation

/// Runs a Python snippet as a second opinion on an output (Python's csv module, jsonschema).
///
/// On a developer's machine without Python, or without a module a snippet imports, `run`
/// returns nil and the Swift-side checks remain the authority. In CI (`CI=true`) a missing
/// oracle is an error, so these tests can never pass there by checking nothing; `.ci/run`
/// installs Python's `jsonschema`.
enum PythonOracle {
    /// `python3` on the PATH, else the usual places.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3", "/usr/local/bin/python3"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether a missing oracle must fail the test (in CI).
    static var required: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The snippet's standard output; `arguments` become `sys.argv[1...]`. A snippet exits
    /// with status 3 to say a module it needs is missing.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let python else { return try missing("python3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 { return try missing("a Python module the check imports is missing (\(python))") }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private static func missing(_ reason: String) throws -> (status: Int32, output: String)? {
        if required { throw Missing(description: "\(reason); CI needs it (.ci/run installs python3 and jsonschema)") }
        return nil
    }
}
