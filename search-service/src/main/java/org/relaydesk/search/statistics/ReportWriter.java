package org.relaydesk.search.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Renders a {@link ReportTable} as CSV (RFC 4180), Excel .xlsx (Apache POI) or a printable HTML page. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static String csv(ReportTable t) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(t.columns()));
        t.rows().forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof Double d ? format(d) : v.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            out.append(s);
        }
        out.append("\r\n");
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
    }

    public static byte[] xlsx(ReportTable t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String name = t.title() == null || t.title().isBlank() ? "Report" : t.title();
            Sheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < t.columns().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(t.columns().get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < t.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = t.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (!(v instanceof Long || v instanceof Integer)) {
                            cell.setCellStyle(decimal);
                        }
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < t.columns().size(); c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, t.columns().get(c).length() + 4)) * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String html(ReportTable t) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(esc(t.title())).append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:2px 8px}td.n{text-align:right}"
                        + "@media print{button{display:none}}</style></head><body><h1>")
                .append(esc(t.title())).append("</h1><table><thead><tr>");
        t.columns().forEach(c -> out.append("<th>").append(esc(c)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            out.append("<tr>");
            row.forEach(v -> out.append(v instanceof Number ? "<td class=\"n\">" : "<td>")
                    .append(v == null ? "" : esc(v instanceof Double d ? format(d) : v.toString())).append("</td>"));
            out.append("</tr>");
        }
        return out.append("</tbody></table></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
