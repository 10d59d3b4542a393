// Annotate a PDF as a reviewer does in a MuPDF-based reader, and save it whole
// (not incrementally, the harsher case): a highlight with a comment on the words
// given, and a sticky note beside a line. Run by `mutool run`.
//   mutool run annotate_pdf.js IN OUT "highlighted words" "words beside the note"
var doc = new PDFDocument(scriptArgs[0]);
var page = doc.loadPage(0);

var words = page.search(scriptArgs[2]);
if (words.length === 0) throw new Error("not on the first page: " + scriptArgs[2]);
var highlight = page.createAnnotation("Highlight");
highlight.setQuadPoints(words[0]);
highlight.setContents("Which 40?");
highlight.setAuthor("Dana Whitfield");
highlight.update();

var line = page.search(scriptArgs[3]);
if (line.length === 0) throw new Error("not on the first page: " + scriptArgs[3]);
var quad = line[0][0]; // upper left x, y first (y grows downwards here)
var note = page.createAnnotation("Text");
note.setRect([quad[0] - 30, quad[1], quad[0] - 10, quad[1] + 12]); // clicked left of the line
note.setContents("Name the partner.");
note.setAuthor("Marcus Lee");
note.update();

doc.save(scriptArgs[1], "garbage,compress");
