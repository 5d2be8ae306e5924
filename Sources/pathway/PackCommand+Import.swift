import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

/// `pathway pack import…` and `pathway pack new`: making packs from question banks or from a
/// commented template.
extension Pathway.PackCommand {
    /// The arguments every import command takes.
    struct ImportOptions: ParsableArguments {
        @Argument(help: "The question bank to import.")
        var file: String

        @Option(help: "The pack id (default: with --update, the earlier import's; else made from the file name).")
        var id: String?

        @Option(help: "The module id for every question (default: from the $CATEGORY, else the pack id).")
        var module: String?

        @Option(help: "The module's title (default: from the $CATEGORY, else from the file name).")
        var moduleTitle: String?

        @Option(help: "The lesson id for every question (default: from the $CATEGORY, else the module id and '-questions').")
        var lesson: String?

        @Option(help: "The lesson's title (default: from the $CATEGORY, else 'Questions').")
        var lessonTitle: String?

        @Option(help: "The pack folder to write; it must not exist or be empty (default: ./ID).")
        var out: String?

        @Flag(help: "Re-import into the folder of an earlier import, keeping the ids of the questions that match (by title or id comment, else by the words of the prompt).")
        var update = false

        @Flag(help: "Overwrite the folder without matching questions to an earlier import.")
        var force = false
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a question bank as a pack; the format comes from --format or the file extension.",
            discussion: "Formats: " + ImporterRegistry.standard.importers.map { "\($0.formatID) (\($0.formatName), .\($0.fileExtensions.joined(separator: ", ."))" }.joined(separator: "; ")
        )
        @OptionGroup var options: ImportOptions
        @Option(help: "The format of the file, e.g. gift or aiken.")
        var format: String?

        func run() throws {
            let registry = ImporterRegistry.standard
            let importer = try format.map { name in
                guard let found = registry.importer(format: name) else {
                    throw ValidationError("unknown format '\(name)'; known: \(registry.importers.map(\.formatID).joined(separator: ", "))")
                }
                return found
            } ?? registry.importer(forFile: options.file)
            guard let importer else { throw ValidationError("cannot tell the format of '\(options.file)' from its extension; pass --format") }
            try runImport(importer, options)
        }
    }

    struct ImportGift: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-gift",
            abstract: "Import a Moodle GIFT file as a pack (categories become modules and lessons)."
        )
        @OptionGroup var options: ImportOptions
        func run() throws { try runImport(GIFTImporter(), options) }
    }

    struct ImportAiken: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-aiken",
            abstract: "Import a Moodle Aiken file (single-answer multiple choice) as a pack."
        )
        @OptionGroup var options: ImportOptions
        func run() throws { try runImport(AikenImporter(), options) }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a commented pack with one lesson holding a step of every type.",
            discussion: "The new pack passes 'pathway pack validate'; edit it from there."
        )
        @Argument(help: "The pack id (lowercase letters, digits, '-', '_', '.').")
        var id: String
        @Option(help: "The pack folder to create; it must not exist or be empty (default: ./ID).")
        var out: String?
        @Option(help: "The pack title (default: made from the id).")
        var title: String?

        func run() throws {
            if let problem = PackScaffold.problem(with: id) { throw ValidationError(problem) }
            let folder = out ?? id
            do {
                try GeneratedFile.write(PackScaffold.files(id: id, title: title), to: URL(fileURLWithPath: folder))
            } catch let error as GeneratedFileError {
                fail(error.description)
            }
            print("Created pack '\(id)' in \(folder).")
            print("Check it with: pathway pack validate \(folder)")
        }
    }
}

/// Imports `options.file` with `importer`, prints the diagnostics and writes the pack.
/// Exits 1 when a question had to be left out (the pack is still written) or nothing was.
private func runImport(_ importer: any Importer, _ options: Pathway.PackCommand.ImportOptions) throws {
    let url = URL(fileURLWithPath: options.file)
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
    guard size <= 8 * 1024 * 1024 else { fail("'\(options.file)' is \(size) bytes; files to import may be at most 8 MiB") }
    let data: Data
    do { data = try Data(contentsOf: url) } catch { fail("cannot read '\(options.file)': \(error.localizedDescription)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("'\(options.file)' is not UTF-8 text; save it as UTF-8 and try again") }
    for (name, id) in [("pack", options.id), ("module", options.module), ("lesson", options.lesson)] {
        if let id, !Identifier.isValid(id) { throw ValidationError("'\(id)' is not a valid \(name) id: \(Identifier.rule)") }
    }
    let folder = options.out ?? options.id ?? ImporterRegistry.packID(forFile: options.file)
    let target = URL(fileURLWithPath: folder)
    let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
    // With --update, the earlier import decides the pack id, so a renamed file keeps every id.
    var previous: Pack?
    if options.update {
        guard !existing.isEmpty, PackLoader.isPack(target), let earlier = PackLoader(runsSelfCheck: false).load(target, displayPath: folder).pack else {
            fail("--update needs the folder of the earlier import, and \(folder) does not hold a pack that loads; name it with --out (or import afresh with --force)")
        }
        if let id = options.id, id != earlier.id {
            fail("the earlier import in \(folder) has pack id '\(earlier.id)'; --id \(id) would give every question a new id. Leave out --id, or start over with --force")
        }
        if options.id == nil { print("Using pack id '\(earlier.id)' from the earlier import in \(folder).") }
        previous = earlier
    }
    let packID = previous?.id ?? options.id ?? ImporterRegistry.packID(forFile: options.file)
    let group = { (id: String?, title: String?) in id == nil && title == nil ? nil : ImportGroup(id: id, title: title) }
    let importTarget = ImportTarget(packID: packID, module: group(options.module, options.moduleTitle), lesson: group(options.lesson, options.lessonTitle))

    var result = importer.import(text: text, fileName: options.file, target: importTarget)
    printDiagnostics(result.diagnostics)
    guard !result.files.isEmpty else { fail("no pack was written") }
    if !existing.isEmpty {
        if let previous {
            let scratch = FileManager.default.temporaryDirectory.appending(path: "pathway-update-\(UUID().uuidString)")
            let summary: ImportUpdate.Summary
            do {
                (result, summary) = try ImportUpdate.keepIDs(result, previous: previous, scratch: scratch,
                                                             named: Set([options.module, options.lesson].compactMap { $0 }))
            } catch let error as PackagingError {
                fail(error.description)
            }
            print("Matched to the earlier import: \(Plural.count(summary.unchanged, "question")) by id, "
                  + "\(summary.matched.count) by their text; \(summary.added.count) new; \(summary.retired.count) no longer in the bank.")
            for (new, kept) in summary.matched { print("  kept id \(kept) (would have been \(new))") }
            for id in summary.retired { print("  retired: \(id)") }
            print("Compare the versions with: pathway pack diff OLD-COPY \(folder)")
        } else if !options.force {
            fail("\(folder) is not empty; use --update to re-import keeping question ids, or --force to overwrite it")
        }
        // Replace the folder's contents.
        for name in existing { try? FileManager.default.removeItem(at: target.appending(path: name)) }
    }
    do {
        try result.write(to: target)
    } catch let error as GeneratedFileError {
        fail(error.description)
    }
    // The written pack is loaded back, so a problem in the importer itself cannot go unnoticed.
    let load = PackLoader().load(URL(fileURLWithPath: folder), displayPath: folder)
    printDiagnostics(load.diagnostics.filter { $0.severity == .error })
    print("Wrote pack '\(packID)' to \(folder): \(Plural.count(result.importedSteps, "step")) in \(Plural.count(result.lessons, "lesson"))"
          + (result.skippedQuestions > 0 ? "; \(Plural.count(result.skippedQuestions, "question")) left out (see the errors above)." : "."))
    // With --update, modules and lessons keep the earlier import's ids instead.
    if previous == nil {
        if options.id == nil {
            print("Pack id '\(packID)' is made from the file name; choose it with --id (every id in the pack starts with it), and re-import with --update to keep it.")
        }
        for note in result.notes { print(note + ".") }
    }
    print("Check it with: pathway pack validate \(folder)   Install it with: pathway pack install \(folder)")
    if result.diagnostics.hasErrors || load.diagnostics.hasErrors { throw ExitCode.failure }
}

/// Prints diagnostics to standard error as `file:line:column: error|warning: message`.
func printDiagnostics(_ diagnostics: [PackDiagnostic]) {
    let color = Style.detect(isTTY: isatty(STDERR_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
    for diagnostic in diagnostics {
        let text = diagnostic.description
        let shown = diagnostic.severity == .error ? text.replacingOccurrences(of: ": error:", with: ": " + color.red("error") + ":")
                                                  : text.replacingOccurrences(of: ": warning:", with: ": " + color.yellow("warning") + ":")
        FileHandle.standardError.write(Data((shown + "\n").utf8))
    }
}

/// Ends the command with `error: message` (printed by the one error path) and status 1.
func fail(_ message: String) -> Never {
    Pathway.finish(with: CommandFailure(message))
}
