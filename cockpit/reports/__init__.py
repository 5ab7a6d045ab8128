"""The day's or week's figures as a report: Markdown for a message, CSV for a spreadsheet,
one self-contained HTML file with its charts. Input: the figures and their labels."""
