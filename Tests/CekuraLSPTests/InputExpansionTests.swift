import Foundation
import Testing
@testable import cekura_lsp

@Suite struct InputExpansionTests {
    @Test func foldersAreWalkedInNameOrderSkippingToolFolders() throws {
        let folder = try TemporaryDirectory()
        for path in ["b.json", "a/z.json", "a/y.txt", "a-b/x.json", ".git/g.json", ".build/b.json",
                     ".build-cli/c.json", "node_modules/m/n.json", ".vscode/settings.json", "build/kept.json"] {
            try folder.write(path, "{}")
        }
        let root = folder.path
        let result = InputExpansion.expand([root + "/"])
        #expect(result.errors.isEmpty)
        // Sorted by name within each folder: "a" comes before "a-b".
        #expect(result.sources == [".vscode/settings.json", "a/z.json", "a-b/x.json", "b.json", "build/kept.json"]
            .map { .file(path: root + "/" + $0, isExplicit: false) })
    }

    @Test func namedPathsKeepTheirOrderAndMissingOnesAreErrors() throws {
        let folder = try TemporaryDirectory()
        let notJSON = try folder.write("notes.txt", "x")
        let inFolder = try folder.write("d/x.json", "{}")
        let missing = folder.path + "/missing.json"
        let result = InputExpansion.expand([notJSON, "-", missing, folder.path + "/d"])
        #expect(result.sources == [.file(path: notJSON, isExplicit: true), .standardInput,
                                   .file(path: inFolder, isExplicit: false)])
        #expect(result.errors == [FileSystemError(path: missing, errorNumber: ENOENT)])
        #expect(result.errors.first?.message == "cekura-lsp: \(missing): No such file or directory")
    }

    @Test func aFileMetTwiceIsProcessedOnceAndNamingItMakesItExplicit() throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("x.json", "{}")
        let result = InputExpansion.expand([folder.path, file, file])
        #expect(result.sources == [.file(path: file, isExplicit: true)])
    }

    @Test func symbolicLinksToFilesAreFollowedButNotToFolders() throws {
        let folder = try TemporaryDirectory()
        let target = try folder.write("real/t.json", "{}")
        try FileManager.default.createDirectory(atPath: folder.path + "/walk", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/walk/link.json", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/walk/loop", withDestinationPath: folder.path)
        let result = InputExpansion.expand([folder.path + "/walk"])
        #expect(result.sources == [.file(path: folder.path + "/walk/link.json", isExplicit: false)])
    }
}
