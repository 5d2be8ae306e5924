/// Writes a Moodle GIFT question bank for benchmarks, mixing the common question kinds.
enum GIFTGenerator {
    static func text(questions: Int) -> String {
        var out = ""
        for n in 0..<questions {
            if n % 50 == 0 { out += "$CATEGORY: bench/part-\(n / 50)\n\n" }
            switch n % 5 {
            case 0: out += "::Q\(n)::Which metric divides TP by TP + FP? {=precision#Right. ~recall#That divides by TP + FN. ~accuracy}\n\n"
            case 1: out += "::Q\(n)::A model with 99% accuracy on 99% negatives is useful. {F#Always predicting negative scores 99% too.}\n\n"
            case 2: out += "::Q\(n)::Name the harmonic mean of precision and recall. {=F1 score =F1 =F-measure}\n\n"
            case 3: out += "::Q\(n)::What is 20 / 80? {#0.25:0.005}\n\n"
            default: out += "::Q\(n)::Match the metric to its formula. {=Precision -> TP/(TP+FP) =Recall -> TP/(TP+FN) =Accuracy -> (TP+TN)/all}\n\n"
            }
        }
        return out
    }
}
