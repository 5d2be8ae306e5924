import Foundation
import Testing
@testable import PathwayCore

/// The career paths kept in a path files' index come back exactly as they went in, whatever
/// their text, and a damaged section is refused rather than half read.
@Suite struct PathsIndexLinesTests {
    var entries: [PathsIndexFile.Entry] {
        let hostile = "tab\there, new\nline, back\\slash, \u{1F}unit, é, \u{1B}[31m"
        let steps = [CareerPath.CareerStep(title: hostile, tracks: ["a", hostile], portfolio: true, advice: nil),
                     CareerPath.CareerStep(title: "Second", tracks: [], portfolio: false, advice: "+-" + hostile)]
        let levels = [CareerPath.RoleLevel(id: "junior", title: "Junior", skills: ["x": 0.25, hostile: 1, "z": 0.1 + 0.2]),
                      CareerPath.RoleLevel(id: "none", title: "", skills: [:])]
        let career = CareerPath.Career(role: hostile, source: "", steps: steps, levels: levels)
        let tracks = [CareerPath.Track(id: "t1", title: hostile, pack: "p", modules: nil, requires: [], sequential: true),
                      CareerPath.Track(id: "t2", title: "-", pack: "+", modules: [], requires: ["t1"], sequential: false),
                      CareerPath.Track(id: "t3", title: "", pack: "q", modules: ["m1", hostile], requires: ["t1", "t2"], sequential: true)]
        let diagnostic = PackDiagnostic(.error, file: "paths/broken.yaml", line: 3, message: "unknown key 'titel'\t" + hostile)
        return [PathsIndexFile.Entry(name: "a.yaml", path: CareerPath(format: 1, id: "a", title: hostile, description: nil, tracks: tracks, career: career), diagnostics: []),
                PathsIndexFile.Entry(name: hostile + ".yaml", path: CareerPath(format: 2, id: "b", title: "B", description: hostile, tracks: [], career: nil), diagnostics: []),
                PathsIndexFile.Entry(name: "broken.yaml", path: nil, diagnostics: [diagnostic, diagnostic]),
                PathsIndexFile.Entry(name: "empty.yaml", path: nil, diagnostics: [])]
    }

    @Test func everyPathAndDiagnosticComesBackExactly() throws {
        let encoded = try #require(PathsIndexLines.encode(entries))
        let decoded = try #require(PathsIndexLines.decode(encoded))
        #expect(decoded == entries)
        #expect(decoded[0].path?.tracks[0].modules == nil && decoded[0].path?.tracks[1].modules == [])
        #expect(decoded[0].path?.career?.levels[0].skills["z"] == 0.1 + 0.2)
        #expect(PathsIndexLines.decode(Data())?.isEmpty == true)
        // The shipped path, through its YAML.
        let shipped = PackLibrary.load([PackSource(folder: Fixtures.curricula, origin: .shipped)]).paths
        #expect(!shipped.isEmpty && shipped.allSatisfy { $0.career != nil })
        // What a file gave, as the index keeps it: the files it names are set when the library reads it.
        let kept = shipped.map { path in
            var given = path
            (given.file, given.sourceFile) = ("", "")
            return PathsIndexFile.Entry(name: path.id, path: given, diagnostics: [])
        }
        let keptLines = try #require(PathsIndexLines.encode(kept))
        let keptBack = try #require(PathsIndexLines.decode(keptLines))
        #expect(keptBack == kept)
    }

    @Test func aDamagedSectionIsRefused() throws {
        let good = String(decoding: try #require(PathsIndexLines.encode(entries)), as: UTF8.self)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var damaged = [
            "P\t1\ta\tA\t-",                                  // a path before its file
            good + "\nQ\tx",                                  // an unknown line
            good + "\nE",                                     // a file without its name
        ]
        // Each line cut short, and each flag or number made a word.
        for (index, line) in lines.enumerated() where line.contains("\t") {
            var cut = lines
            cut[index] = String(line[..<line.lastIndex(of: "\t")!])
            damaged.append(cut.joined(separator: "\n"))
        }
        damaged.append(good.replacingOccurrences(of: "\t1\n", with: "\tyes\n"))
        damaged.append(good.replacingOccurrences(of: "\u{1F}+0.25", with: "\u{1F}+quarter"))
        damaged.append(good.replacingOccurrences(of: "X\t", with: "X\t{"))
        for text in damaged {
            #expect(PathsIndexLines.decode(Data(text.utf8)) == nil, "\(text.prefix(80))")
        }
    }
}
