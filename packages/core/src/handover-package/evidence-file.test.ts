import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_TYPE, evidenceFileName, sniffEvidenceFile } from './evidence-file.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0xff, 0xd9]);
export const DOCX = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc('<w:document/>') });

describe('sniffEvidenceFile', () => {
  it('knows PDF, PNG, JPEG, text, Markdown and DOCX by their bytes', () => {
    expect(sniffEvidenceFile(PDF, 'x')).toBe('application/pdf');
    expect(sniffEvidenceFile(PNG, 'x.pdf')).toBe('image/png');
    expect(sniffEvidenceFile(JPEG, 'x')).toBe('image/jpeg');
    expect(sniffEvidenceFile(enc('notes ✓'), 'notes.txt')).toBe('text/plain');
    expect(sniffEvidenceFile(enc('# Notes'), 'notes.MD')).toBe('text/markdown');
    expect(sniffEvidenceFile(DOCX, 'report.pdf')).toBe(DOCX_TYPE);
  });
  it('refuses disguised files: an EXE named .pdf, HTML with NUL, a zip that is no Word document, a cut PDF', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
    expect(sniffEvidenceFile(exe, 'setup.pdf')).toBeNull();
    expect(sniffEvidenceFile(enc('<html>\u0000<script>1</script>'), 'a.png')).toBeNull();
    expect(sniffEvidenceFile(zipSync({ 'a.txt': enc('hi') }), 'a.docx')).toBeNull();
    expect(sniffEvidenceFile(enc('%PDF-1.7 no end'), 'a.pdf')).toBeNull();
    expect(sniffEvidenceFile(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), 'a.docx')).toBeNull();
    expect(sniffEvidenceFile(new Uint8Array(), 'a.txt')).toBeNull();
  });
});

describe('evidenceFileName', () => {
  it('keeps the base name, drops control characters and paths, and makes the extension match the bytes', () => {
    expect(evidenceFileName('C:\\x\\..\\report.pdf', 'application/pdf')).toBe('report.pdf');
    expect(evidenceFileName('setup.exe', 'application/pdf')).toBe('setup.exe.pdf');
    expect(evidenceFileName('a\u0000b"c.md', 'text/markdown')).toBe('abc.md');
    expect(evidenceFileName('', 'image/png')).toBe('evidence.png');
    expect(evidenceFileName('..', 'text/plain')).toBe('evidence.txt');
    expect(evidenceFileName(`${'x'.repeat(500)}.docx`, DOCX_TYPE).length).toBeLessThanOrEqual(205);
  });
});
