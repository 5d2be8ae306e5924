import ArgumentParser
import Foundation
import PathwayCore
import PathwayShell

extension Pathway {
    /// Several learners on one machine, each with their own progress.
    struct ProfileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "List, create and switch learner profiles; set the learner's name and account.",
            subcommands: [List.self, New.self, Switch.self, SetIdentity.self, Show.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the profiles; * marks the current one.")
            @OptionGroup var common: CommonOptions

            func run() throws {
                let data = try common.resolvedDataDirectory()
                let current = common.profile ?? data.currentProfile()
                let names = Set(data.profiles() + [current]).sorted()
                for name in names { print((name == current ? "* " : "  ") + name) }
            }
        }

        struct New: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a profile.")
            @OptionGroup var common: CommonOptions
            @Argument(help: "The profile name (lowercase letters, digits, '-', '_', '.').") var name: String

            func run() throws {
                let data = try common.resolvedDataDirectory()
                guard !data.profiles().contains(name) else { throw ValidationError("profile '\(name)' already exists") }
                try data.createProfile(name)
                print("Created profile '\(name)'. Use it with: pathway --profile \(name), or: pathway profile switch \(name)")
            }
        }

        struct Switch: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make a profile the one used when none is named.")
            @OptionGroup var common: CommonOptions
            @Argument(help: "The profile name.") var name: String

            func run() throws {
                try common.resolvedDataDirectory().switchProfile(to: name)
                print("Pathway now uses profile '\(name)'.")
            }
        }
    }
}

extension CommonOptions {
    /// The data directory these options and the environment select.
    func resolvedDataDirectory() throws -> DataDirectory {
        try DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
    }
}
