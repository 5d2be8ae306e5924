import Foundation
import Testing
@testable import PathwayCore

/// Start-up checks a pack's index against the listing it keeps (one `fstatat` per entry, no
/// folder read): every kind of change to the pack must still be caught, and a folder changed
/// too recently to be trusted is read in full instead.
@Suite struct PackListingTests {
    /// A copy of the sample pack whose files and folders all changed two minutes ago, loaded
    /// once so that its index (written now) holds that listing.
    func indexedPack() throws -> (dir: TemporaryDirectory, pack: URL, cache: PackCache) {
        let dir = TemporaryDirectory()
        let pack = dir.url.appending(path: "packs/sample")
        try FileManager.default.createDirectory(at: pack.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.samplePack, to: pack)
        try backdate(pack, to: Date().addingTimeInterval(-120))
        let cache = PackCache(directory: dir.url.appending(path: "cache"))
        #expect(PackLoader(runsSelfCheck: false, cache: cache).load(pack).pack != nil)
        return (dir, pack, cache)
    }

    /// Sets the modification time of everything under `folder`, folders after what they hold.
    func backdate(_ folder: URL, to date: Date) throws {
        let manager = FileManager.default
        let inside = try manager.subpathsOfDirectory(atPath: folder.path).sorted { $0.count > $1.count }
        for path in inside + [""] {
            try manager.setAttributes([.modificationDate: date], ofItemAtPath: path.isEmpty ? folder.path : folder.appending(path: path).path)
        }
    }

    var now: PackListing.Time { PackListing.Time(seconds: Int64(Date().timeIntervalSince1970), nanoseconds: 0) }

    @Test func anUnchangedPackIsCurrentByItsListingAlone() throws {
        let (dir, pack, cache) = try indexedPack()
        defer { dir.remove() }
        let listing = try #require(PackListing.take(pack))
        #expect(listing.folders.map(\.path).sorted() == ["", "lessons", "modules", "text"])
        #expect(listing.files.map(\.path).sorted() == ["lessons/intro.yaml", "modules/basics.yaml", "modules/more.json", "pack.yaml", "text/intro.md"])
        #expect(PackListing.check(listing.encoded(), at: pack.path, written: now) == .init(hasPathsFolder: false))
        #expect(cache.current(pack)?.pack?.id == "sample")
        #expect(cache.current(pack)?.hasPathsFolder == false)
    }

    @Test func aSameSizeEditInPlaceIsCaughtByItsModificationTime() throws {
        let (dir, pack, cache) = try indexedPack()
        defer { dir.remove() }
        let lesson = pack.appending(path: "lessons/intro.yaml")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "title: Introduction", with: "title: Introductio2")
        #expect(edited.utf8.count == text.utf8.count)
        // Written in place: the same inode and size, and the folder untouched.
        let handle = try FileHandle(forWritingTo: lesson)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        #expect(cache.current(pack) == nil)
        let reloaded = try #require(PackLoader(runsSelfCheck: false, cache: cache).load(pack).pack)
        #expect(reloaded.lesson(id: "intro")?.lesson.title == "Introductio2")
    }

    @Test(arguments: ["added", "hidden", "removed", "renamed", "folder"])
    func anAddedRemovedOrRenamedEntryIsCaughtByItsFolder(change: String) throws {
        let (dir, pack, cache) = try indexedPack()
        defer { dir.remove() }
        let manager = FileManager.default
        switch change {
        case "added": try Data("notes".utf8).write(to: pack.appending(path: "text/notes.md"))
        case "hidden": try Data("x".utf8).write(to: pack.appending(path: "lessons/.intro.yaml.swp"))
        case "removed": try manager.removeItem(at: pack.appending(path: "modules/more.json"))
        case "renamed": try manager.moveItem(at: pack.appending(path: "text/intro.md"), to: pack.appending(path: "text/intro2.md"))
        default: try manager.createDirectory(at: pack.appending(path: "text/extra"), withIntermediateDirectories: false)
        }
        #expect(cache.current(pack) == nil)
        // Read in full, the folder's files changed, except for an empty folder, which is nothing to the pack.
        #expect((cache.lookup(pack) == nil) == (change != "folder"))
    }

    @Test func aFileReplacedByRenameIsCaughtByItsInodeEvenWithTheSameTimeAndSize() throws {
        let (dir, pack, cache) = try indexedPack()
        defer { dir.remove() }
        let file = pack.appending(path: "text/intro.md")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let copy = dir.url.appending(path: "intro.md")
        try FileManager.default.copyItem(at: file, to: copy)
        try FileManager.default.setAttributes([.modificationDate: try #require(attributes[.modificationDate] as? Date)], ofItemAtPath: copy.path)
        #expect(rename(copy.path, file.path) == 0)
        // Put the folder's time back too: only the inode tells.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: pack.appending(path: "text").path)
        #expect(cache.current(pack) == nil)
    }

    @Test func aFolderChangedTooRecentlyIsReadInFullAndTheIndexStillUsedWhenNothingChanged() throws {
        let (dir, pack, cache) = try indexedPack()
        defer { dir.remove() }
        let listing = try #require(PackListing.take(pack))
        let folder = try #require(listing.folders.first { $0.path == "lessons" })
        // An index written in the same second as the folder's last change could miss a second
        // change in that clock tick: it is not trusted by its listing.
        let encoded = listing.encoded()
        #expect(PackListing.check(encoded, at: pack.path, written: folder.modified) == nil)
        #expect(PackListing.check(encoded, at: pack.path, written: PackListing.Time(seconds: folder.modified.seconds + PackListing.racyWindow, nanoseconds: 0)) == nil)
        #expect(PackListing.check(encoded, at: pack.path, written: PackListing.Time(seconds: folder.modified.seconds + PackListing.racyWindow + 1, nanoseconds: 0)) != nil)
        // Touching a folder now makes it recent: the listing is not trusted, the folder is read
        // in full, and as its files did not change the index is used as it is.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: pack.appending(path: "lessons").path)
        #expect(cache.current(pack) == nil)
        #expect(cache.lookup(pack)?.pack?.id == "sample")
    }

    @Test func aDamagedOrForeignListingIsNotCurrent() throws {
        let (dir, pack, _) = try indexedPack()
        defer { dir.remove() }
        let listing = try #require(PackListing.take(pack))
        let good = String(decoding: listing.encoded(), as: UTF8.self)
        let lines = good.split(separator: "\n").map(String.init)
        // The pack folder's own line must come first; every line needs all its fields, in numbers.
        let reordered = (lines.dropFirst() + lines.prefix(1)).joined(separator: "\n")
        let wordy = ([lines[0].split(separator: "\t", omittingEmptySubsequences: false).dropLast().joined(separator: "\t") + "\tthree"] + lines.dropFirst()).joined(separator: "\n")
        for bad in ["", "F\tpack.yaml\t1\t2\t3\t4", "D\tlessons\t1\t2\t3", lines[0] + "\nX\t1", lines[0].replacingOccurrences(of: "\t", with: " "),
                    lines[0] + "\nF\ta\t1\t2\t3", reordered, good + "\nD\t\t1\t2\t3", wordy] {
            #expect(PackListing.check(Data(bad.utf8), at: pack.path, written: now) == nil, "\(bad)")
        }
        #expect(PackListing.check(Data(good.utf8), at: pack.path, written: now) != nil)
        #expect(PackListing.check(Data(good.utf8), at: dir.url.appending(path: "elsewhere").path, written: now) == nil)
    }

    /// Names with tabs, backslashes and other characters are escaped in the index and found again.
    @Test func namesThatNeedEscapingAreCheckedAndAPathsFolderIsTold() throws {
        let (dir, pack, _) = try indexedPack()
        defer { dir.remove() }
        let odd = "text/a\tb\\c é.md"
        try Data("x".utf8).write(to: pack.appending(path: odd))
        try FileManager.default.createDirectory(at: pack.appending(path: "paths"), withIntermediateDirectories: false)
        try backdate(pack, to: Date().addingTimeInterval(-120))
        let listing = try #require(PackListing.take(pack))
        #expect(listing.files.contains { $0.path == odd })
        let encoded = listing.encoded()
        #expect(String(decoding: encoded, as: UTF8.self).contains("a\\x09b\\x5cc é.md"))
        #expect(PackListing.check(encoded, at: pack.path, written: now) == .init(hasPathsFolder: true))
        try Data("xy".utf8).write(to: pack.appending(path: odd))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: pack.appending(path: "text").path)
        #expect(PackListing.check(encoded, at: pack.path, written: now) == nil)
    }

    /// A crafted index or path index whose lengths overflow when added is refused, not a crash.
    @Test func headersWhoseLengthsOverflowAreRefused() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let huge = String(Int.max)
        let index = dir.url.appending(path: "crafted.index")
        let fields = ["pathway-pack-index", String(PackCache.format), "0", "ok"] + Array(repeating: [huge, "0"], count: 5).flatMap { $0 }
        try Data((fields.joined(separator: " ") + "\nrest").utf8).write(to: index)
        #expect(PackIndexFile.open(index.path, folder: dir.url, check: .fingerprint("0")) == nil)
        let paths = dir.url.appending(path: "crafted-paths.index")
        try Data(([PathsIndexFile.magic, String(PackCache.format), huge, "0", huge, "0"].joined(separator: " ") + "\nrest").utf8).write(to: paths)
        #expect(PathsIndexFile.read(paths.path, folder: dir.url) == nil)
    }
}
