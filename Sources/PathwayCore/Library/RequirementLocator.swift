import Foundation
import Yams

/// Points a diagnostic about a pack's requirement at its line in the manifest.
enum RequirementLocator {
    static func diagnostic(for pack: Pack, requirement index: Int, display: String, message: String) -> PackDiagnostic {
        guard let name = PackLoader.manifestNames.first(where: { FileManager.default.fileExists(atPath: pack.root.appending(path: $0).path) }) else {
            return PackDiagnostic(.error, file: display, message: message)
        }
        let text = (try? String(contentsOf: pack.root.appending(path: name), encoding: .utf8)) ?? ""
        let location = SourceLocator.locate(["requires", PathKey(index), "id"], in: text)
        return PackDiagnostic(.error, file: display.isEmpty ? name : "\(display)/\(name)", line: location?.line, column: location?.column,
                              message: message)
    }
}
