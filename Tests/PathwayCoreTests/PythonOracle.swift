import Foundation

/// Runs a Python snippet as a second opinion on an output (Python's csv module, jsonschema).
/// Returns nil when Python, or a module the snippet imports, is not installed: the Swift-side
/// checks remain the authority and these tests then check nothing more.
enum PythonOracle {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The snippet's standard output; `arguments` become `sys.argv[1...]`. A snippet exits
    /// with status 3 to say a module it needs is missing.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let python else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 { return nil }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
