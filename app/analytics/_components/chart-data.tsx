"use client";

import { stringify } from "csv-stringify/sync";
import type { ReactNode } from "react";
import { ScrollBox } from "@/components/scroll-box";

export type Column<R> = {
  header: string;
  /** What the table shows. */
  cell: (row: R) => ReactNode;
  /** What the CSV holds: plain numbers, full precision. */
  csv: (row: R) => string | number;
  /** In the CSV only (an id the table shows as a link on the title). */
  csvOnly?: boolean;
};

/** A chart's data: a table a screen reader and a copy can use, and the same rows as a CSV download. */
export function ChartData<R>({
  caption,
  columns,
  rows,
  fileName,
  rowKey,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  fileName: string;
  rowKey: (row: R) => string;
}) {
  const shown = columns.filter((column) => !column.csvOnly);
  const download = () => {
    const text = stringify(
      rows.map((row) => columns.map((column) => column.csv(row))),
      { header: true, columns: columns.map((column) => column.header), escape_formulas: true },
    );
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="mt-2 space-y-2">
      <details className="text-sm">
        <summary className="cursor-pointer text-blue-700">Data table: {caption}</summary>
        <ScrollBox label={caption}>
          <table className="w-full text-left text-sm tabular-nums">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                {shown.map((column) => (
                  <th key={column.header} scope="col" className="px-2 py-1 font-medium text-slate-600">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-b border-slate-100">
                  {shown.map((column) => (
                    <td key={column.header} className="px-2 py-1">
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
      <button
        type="button"
        onClick={download}
        data-testid={`csv-${fileName}`}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:border-slate-400"
      >
        Download CSV
      </button>
    </div>
  );
}
