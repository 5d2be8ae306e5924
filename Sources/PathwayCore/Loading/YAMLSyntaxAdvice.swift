/// Turns libyaml's terse parser messages into what is wrong and how to fix it.
enum YAMLSyntaxAdvice {
    /// Plain advice for `problem` (libyaml's wording), or the problem itself, shortened, when
    /// there is none.
    static func explain(_ problem: String) -> String {
        for (phrase, advice) in table where problem.contains(phrase) { return advice }
        return problem.count > 200 ? String(problem.prefix(200)) + "…" : problem
    }

    private static let table: [(String, String)] = [
        ("did not find expected '-' indicator",
         "this line is not lined up with the list above it; start every '- ' item of one list in the same column, and indent a key of an item under its first key"),
        ("did not find expected key",
         "this line is indented differently from the keys around it; start the keys of one mapping in the same column (use spaces, never tabs)"),
        ("mapping values are not allowed",
         "a ': ' (colon and space) inside a value, or a key indented too far; put the text in quotes (\"...\") or fix the indentation"),
        ("block sequence entries are not allowed",
         "a '- ' list item where a value was expected; put the list on its own lines, indented under its key"),
        ("found character that cannot start any token",
         "a tab or a reserved character (` @ |) where a value starts; indent with spaces and put text starting with a symbol in quotes"),
        ("found unknown escape character",
         "inside double quotes, '\\' starts an escape; write '\\\\' or use single quotes"),
        ("could not find expected ':'",
         "a key without its ':' or a quoted text that is never closed; add the ':' or the closing quote"),
        ("found unexpected end of stream",
         "the file ends inside a quoted text or a [ ] or { } list; close the quote or the bracket"),
        ("did not find expected ',' or ']'",
         "a [ ] list is not closed, or an item holds a ',' or ':'; close the bracket or put the item in quotes"),
        ("did not find expected ',' or '}'",
         "a { } mapping is not closed, or a value holds a ',' or ':'; close the brace or put the value in quotes"),
        ("did not find expected node content",
         "a value is missing where one was expected (after '-', ':' or ','); add the value or remove the marker"),
        ("found undefined tag handle",
         "text starting with '!' is read as a YAML tag; put it in quotes"),
        ("found unexpected ':'",
         "a ':' where none was expected; put the text in quotes"),
    ]
}
