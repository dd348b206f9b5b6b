#!/usr/bin/env python3
"""Rebuild the binary documents of the Sable evaluation corpus.

Produces solution-design.docx, contract-schedule.docx, dpia-draft.docx,
vendor-security-response.pdf, steering-minutes.pdf and controls-register.xlsx
from the text embedded below. The Markdown, TXT and CSV documents are kept as
plain files alongside and are not generated.

Output is deterministic: zip member timestamps and document metadata are
fixed, and PDFs are written with reportlab's invariant mode.

Run:  python build_corpus.py
"""
import datetime
import io
import os
import re
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor, Cm

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DT = datetime.datetime(2026, 11, 30, 9, 0, 0)


# ---------------------------------------------------------------- helpers --

def normalise_zip(path):
    """Rewrite a zip-based Office file with fixed timestamps and order."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as fh:
        fh.write(buf.getvalue())


def add_runs(par, text):
    """Add text to a paragraph, honouring **bold** and _italic_ markers."""
    for part in re.split(r"(\*\*[^*]+\*\*|__[^_]+__)", text):
        if not part:
            continue
        if part.startswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("__"):
            par.add_run(part[2:-2]).italic = True
        else:
            par.add_run(part)


def add_table(doc, header, rows, widths=None, style="Table Grid"):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = style
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(header):
        cell = t.rows[0].cells[i]
        cell.text = ""
        r = cell.paragraphs[0].add_run(h)
        r.bold = True
    for row in rows:
        cells = t.add_row().cells
        for i, val in enumerate(row):
            cells[i].text = ""
            add_runs(cells[i].paragraphs[0], str(val))
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    return t


def build_docx(path, blocks, props, base_font="Calibri", base_size=11):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = base_font
    st.font.size = Pt(base_size)
    cp = doc.core_properties
    cp.author = props.get("author", "")
    cp.last_modified_by = props.get("author", "")
    cp.title = props.get("title", "")
    cp.subject = props.get("subject", "")
    cp.created = props.get("created", FIXED_DT)
    cp.modified = props.get("modified", FIXED_DT)
    cp.revision = props.get("revision", 1)
    if props.get("header"):
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = props["header"]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in hp.runs:
            r.font.size = Pt(8)
            r.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if props.get("footer"):
        fp = doc.sections[0].footer.paragraphs[0]
        fp.text = props["footer"]
        for r in fp.runs:
            r.font.size = Pt(8)
    for b in blocks:
        kind = b[0]
        if kind == "title":
            doc.add_heading(b[1], level=0)
        elif kind in ("h1", "h2", "h3"):
            doc.add_heading(b[1], level=int(kind[1]))
        elif kind == "p":
            add_runs(doc.add_paragraph(), b[1])
        elif kind == "bullet":
            add_runs(doc.add_paragraph(style="List Bullet"), b[1])
        elif kind == "numlist":
            add_runs(doc.add_paragraph(style="List Number"), b[1])
        elif kind == "bold":          # heading-looking bold paragraph, no style
            p = doc.add_paragraph()
            r = p.add_run(b[1])
            r.bold = True
            p.paragraph_format.space_before = Pt(10)
        elif kind == "centre":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(p, b[1])
        elif kind == "clause":        # ("clause", "4.2", "text")
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.25 if b[1].count(".") == 1 else 2.25)
            p.paragraph_format.first_line_indent = Cm(-1.25 if b[1].count(".") == 1 else -1.0)
            p.add_run(b[1] + "\t")
            add_runs(p, b[2])
        elif kind == "table":
            add_table(doc, b[1], b[2], b[3] if len(b) > 3 else None)
            doc.add_paragraph()
        elif kind == "note":
            p = doc.add_paragraph()
            r = p.add_run(b[1])
            r.italic = True
            r.font.size = Pt(9)
        elif kind == "pagebreak":
            doc.add_page_break()
        else:
            raise ValueError(kind)
    doc.save(path)
    normalise_zip(path)


# ------------------------------------------------------ 1. solution design --

SOLUTION_DESIGN = [
    ("title", "Sable Customer Service Platform — Solution Design"),
    ("p", "**Harbour & Vale Building Society — Digital Channels**"),
    ("table", ["Item", "Detail"], [
        ["Document reference", "DC-SBL-SD-001"],
        ["Version", "1.2 (baselined)"],
        ["Date", "16 October 2026"],
        ["Author", "Tom Edgecombe, Lead Solution Architect, Digital Channels"],
        ["Reviewers", "Hannah Okafor (Enterprise Architecture); Marcus Bell (Information Security); Priya Raghunathan (Programme Manager)"],
        ["Approved by", "Design Authority, 14 October 2026 (minute DA-26-118)"],
        ["Classification", "Internal"],
    ], [4.5, 11.5]),
    ("h2", "Version history"),
    ("table", ["Version", "Date", "Change"], [
        ["0.3", "21 August 2026", "First draft following vendor selection"],
        ["0.9", "18 September 2026", "Integration section rewritten after Genesys workshop; NFRs added"],
        ["1.0", "2 October 2026", "Issued to Design Authority"],
        ["1.1", "9 October 2026", "Design Authority comments; access model expanded"],
        ["1.2", "16 October 2026", "Baselined. Minor corrections to phasing table and data items"],
    ], [2.5, 3.5, 10]),

    ("h1", "1. Purpose and scope"),
    ("p", "This document describes the end-to-end solution for Sable, the customer service platform that Harbour & Vale is introducing for its mortgage and savings members. It is written for the Design Authority, the delivery team and the support teams who will run the service after go-live. It describes what we are building and how the pieces fit together; it does not repeat the business case (DC-SBL-BC-002) or the commercial terms, which are being negotiated by Procurement."),
    ("p", "Sable is a software-as-a-service product supplied by Corvane Analytics Ltd. The society is not building a platform. Most of the design effort is therefore in the integrations, the identity and access model, the configuration of the Corvane tenant, and the controls around the language model."),
    ("h2", "1.1 In scope"),
    ("bullet", "The Sable **case management workspace** for contact centre staff in Mortgage Servicing, Mortgage Arrears Support, Savings Operations and (Phase 3) Complaints."),
    ("bullet", "**Real-time call transcription and after-call summarisation** for inbound and outbound calls handled through Genesys Cloud CX."),
    ("bullet", "The **web chat assistant** on the public website (harbourvale.co.uk), answering general questions about mortgage and savings products and servicing, with handover to a human agent."),
    ("bullet", "Integrations with Genesys Cloud CX, Microsoft Dynamics 365 Customer Service, the Aurora Core banking platform, Microsoft Entra ID, the website CMS, SharePoint Online and Microsoft Sentinel."),
    ("h2", "1.2 Out of scope"),
    ("bullet", "Branch systems. Sable will not be deployed to the 38 branches in this programme."),
    ("bullet", "The mobile app. The chat assistant will not be embedded in the app in 2027."),
    ("bullet", "Payments. Sable does not take, process or store payment card data, and no integration with the card payments gateway is planned."),
    ("bullet", "Mortgage advice. The assistant will not give regulated mortgage advice or make any recommendation about product suitability; anything that looks like an advice conversation is handed to a qualified adviser."),
    ("bullet", "Lending or savings decisions. Sable makes no decisions about members' accounts; all decisions remain with staff and the existing decision engines."),
    ("bullet", "Replacement of Dynamics 365 as the system of record for cases. Dynamics remains the record; Sable is the working environment."),

    ("h1", "2. Business context"),
    ("p", "The society has around 870,000 members and 1,900 staff. The contact centre operates from two sites, Bristol (Redcliffe Wharf) and Swansea (Llys Tawe), with approximately 310 full-time-equivalent agents. In the 2025/26 financial year it handled 1.31 million inbound calls, of which 58% were mortgage-related. Average handle time is 7 minutes 40 seconds, of which after-call work (writing up notes in Dynamics) accounts for roughly 2 minutes 10 seconds."),
    ("p", "The business case assumes that AI-generated summaries reduce after-call work by 60 seconds per call once fully rolled out, and that the web chat assistant deflects 12% of simple servicing calls (redemption statement requests, rate-end dates, how to make an overpayment, ISA transfer timings). The assistant is expected to handle around 450,000 conversations a year by 2028. These benefits are outside the scope of this design but they drive the volumes used in section 7."),
    ("p", "Consumer Duty is a major driver. Summaries and chat transcripts give us a much richer view of the outcomes members receive and of vulnerability indicators than the free-text notes we have today. Equally, a chat assistant that gives a wrong answer about a product's early repayment charge is a Consumer Duty problem in itself, which is why section 6.4 spends some time on answer grounding."),

    ("h1", "3. Solution overview"),
    ("p", "Sable has three functional components, all delivered from one Corvane tenant:"),
    ("numlist", "**Workspace** — a browser application used by agents, team leaders and quality analysts. It shows the live transcript during a call, the draft summary afterwards, the member's open cases (from Dynamics) and a read-only mortgage account summary (from Aurora Core)."),
    ("numlist", "**Conversation intelligence** — the service that receives call audio from Genesys, transcribes it, redacts it and produces summaries using the language model."),
    ("numlist", "**Web chat assistant** — a JavaScript widget on the public website backed by Corvane's retrieval-augmented assistant, which answers from the society's approved knowledge articles only."),
    ("p", "The language model is Lumen Atlas 3, licensed by Corvane from Lumen Foundry Inc. The society has no direct contract with Lumen Foundry. Speech-to-text uses Microsoft Azure AI Speech, which Corvane consumes under its own Microsoft agreement."),
    ("h2", "3.1 What Sable will not do"),
    ("p", "Because these come up in every review, they are stated plainly here:"),
    ("bullet", "Sable will not store call audio. Audio is streamed, transcribed and discarded; recordings remain in Genesys under the existing call recording policy."),
    ("bullet", "No biometric voice prints are created. Speaker separation uses the stereo channels that Genesys provides (agent on one channel, caller on the other)."),
    ("bullet", "Sable will not store payment card data. Agents already use Genesys secure pause when taking card details; in addition the redaction step removes anything matching a card number pattern."),
    ("bullet", "Summaries are never written to Dynamics without an agent reviewing and approving them."),
    ("bullet", "The society's data will not be used to train Corvane's or Lumen Foundry's models."),

    ("h1", "4. Logical architecture"),
    ("p", "The logical flow for a telephone call is as follows. When a call is answered, Genesys opens an AudioHook stream to the Sable conversation intelligence service. Audio is transcribed in near real time and shown to the agent in the workspace. When the call ends, the full transcript is passed through the redaction step and then to the language model with a summary prompt specific to the call's queue (for example, Mortgage Arrears Support has a longer template that captures income and expenditure discussion and any vulnerability indicators). The agent edits and approves the draft; the approved summary is written to the Dynamics case as a note, and the case category is updated if the agent changes it."),
    ("p", "For web chat, the widget loads from Corvane's content delivery network on the public pages of the website. Each member question is matched against the knowledge index, the best-matching article extracts are passed to the model with the question, and the model composes an answer that must cite an article. If no article scores above the configured threshold the assistant says it cannot help and offers a human agent. Handover to a human uses Sable's own live-chat queue in the workspace; it does not go through Genesys in Phase 1."),
    ("h2", "4.1 Integrations"),
    ("table", ["ID", "System", "Direction", "Mechanism", "Data", "Phase"], [
        ["INT-01", "Genesys Cloud CX", "Genesys → Sable", "AudioHook (WebSocket, stereo audio) + Notifications API", "Call audio stream, call ID, queue, agent ID, ANI (masked)", "1"],
        ["INT-02", "Dynamics 365 Customer Service", "Both", "Dataverse Web API via H&V Integration Hub (Azure API Management)", "Case lookup/create; approved summary write-back; case category", "1"],
        ["INT-03", "Aurora Core (Kestrel Financial Systems)", "Aurora → Sable (read only)", "REST via Integration Hub; OAuth2 client credentials", "Mortgage account summary: balance, product, rate end date, arrears flag", "1"],
        ["INT-04", "Microsoft Entra ID", "Entra → Sable", "SAML 2.0 SSO; SCIM 2.0 provisioning", "Staff identity, group membership", "1"],
        ["INT-05", "Website CMS (Umbraco)", "Browser ↔ Sable", "JavaScript widget; CSP allow-list", "Chat text; session ID; IP address", "1"],
        ["INT-06", "SharePoint Online (Contact Centre Knowledge)", "SharePoint → Sable", "Graph API, nightly incremental sync", "Approved knowledge articles (no personal data)", "1"],
        ["INT-07", "Microsoft Sentinel", "Sable → Sentinel", "Audit log REST API polled every 5 minutes by an Azure Function", "Sign-in, admin, export and data access events", "1"],
    ], [1.4, 2.8, 2.2, 3.6, 4.2, 1.0]),
    ("p", "INT-03 deserves a specific note. Aurora Core data is shown in the workspace only, to authenticated staff, for the member the agent is currently handling. It is fetched on demand and cached in the browser session only; Sable does not persist it. **Aurora Core data is never made available to the web chat assistant.** The Integration Hub policy for the Sable client ID allows only the three read endpoints listed in the interface specification (DC-SBL-IS-003)."),
    ("p", "There is no native Sentinel connector for Sable. INT-07 is a small Azure Function owned by the Security Operations team; it has not yet been built and is tracked as OI-05."),

    ("h1", "5. Hosting, identity and access"),
    ("h2", "5.1 Tenancy"),
    ("p", "Corvane runs Sable as a multi-tenant service. Each customer has a logically separate tenant with its own encryption keys (managed by Corvane in Azure Key Vault) and its own database schema. The society will have three tenants: Production, Pre-production (used for user acceptance and the regression pack) and Test. Pre-production and Test must not contain real member data; the test transcripts are synthetic or fully anonymised by the Contact Centre Quality team."),
    ("h2", "5.2 Data residency"),
    ("p", "Corvane has confirmed that all Sable processing takes place in Azure UK South (London), with disaster recovery to Azure UK West (Cardiff). Backups are encrypted and retained for 35 days. No member data leaves the UK."),
    ("note", "[Tom E., 16/10: earlier drafts said DR was North Europe — this came from an email from Corvane of 29 September which they have since corrected.]"),
    ("h2", "5.3 Identity"),
    ("p", "Staff sign in through Microsoft Entra ID using SAML 2.0, with the society's standard Conditional Access policy (managed device, MFA). Local Sable accounts are disabled except for two break-glass administrator accounts whose credentials are held in the CyberArk vault. Users and group membership are provisioned by SCIM from Entra; leavers are deprovisioned when their Entra account is disabled, which under the Joiners-Movers-Leavers process happens on the leaving date."),
    ("p", "Web chat users are anonymous in Phase 1. The assistant does not know who the member is and cannot see account information. Whether chat will later support authenticated members (using the online banking login) has not been decided; it is a Phase 3 candidate and would need a DPIA update."),
    ("h2", "5.4 Access model"),
    ("table", ["Role", "Who", "Can see", "Cannot do"], [
        ["Agent", "Contact centre agents (Entra group SBL-Agents-*)", "Live transcript and draft summary for own calls; member's open cases; account summary for current member", "See other agents' calls; export transcripts"],
        ["Team Leader", "SBL-TeamLeaders", "Transcripts and summaries for own team, last 90 days", "Export; change configuration"],
        ["Quality Analyst", "SBL-Quality (currently 9 people)", "All transcripts and summaries in their business area; search", "Bulk export over 500 records without approval"],
        ["Sable Administrator", "Digital Channels platform team (4 named individuals)", "Configuration, prompt templates, redaction rules, audit log", "Read transcript content (separate role, not granted by default)"],
        ["Corvane Support", "Corvane second-line engineers", "Nothing by default; just-in-time access approved by a Sable Administrator, time-limited to 8 hours", "Standing access of any kind"],
    ], [3, 3.8, 5.2, 4]),
    ("p", "The complaints team will use Dynamics rather than Sable in Phases 1 and 2. Internal Audit and the DPO's team can be given read access on request through the Sable Administrator, logged in the access register."),

    ("h1", "6. Data"),
    ("h2", "6.1 Data items"),
    ("table", ["Data item", "Source", "Held in Sable?", "Notes"], [
        ["Member name, member number", "Dynamics / Genesys", "Yes", "Displayed in workspace; present in transcripts"],
        ["Mortgage account number and summary", "Aurora Core", "No (session only)", "Fetched on demand; never persisted"],
        ["Call audio", "Genesys", "No", "Streamed and discarded after transcription"],
        ["Call transcript", "Generated by Sable", "Yes", "Redacted copy used for summarisation; retention to be set by DPIA"],
        ["Draft and approved summaries", "Generated by Sable / agent", "Yes", "Approved version also written to Dynamics"],
        ["Chat transcripts", "Web chat", "Yes", "Proposed 24 months"],
        ["Website visitor IP address", "Web chat widget", "Yes", "30 days, for abuse and rate limiting"],
        ["Payment card data", "—", "No", "Not collected; redacted if spoken"],
        ["Voice biometrics", "—", "No", "Not created"],
        ["Health and vulnerability information", "Free text in calls/chats", "Incidentally", "Vulnerability flags stay in Dynamics; see DPIA"],
    ], [4.2, 3.2, 2.6, 6]),
    ("h2", "6.2 Retention"),
    ("p", "Retention periods in Sable are configurable per data type. Corvane's default is 24 months for all content. The society's periods will be set by the DPIA, which is being drafted by the Data Protection team. Until then the design assumes 24 months for chat transcripts and has no fixed assumption for call transcripts."),
    ("h2", "6.3 Redaction"),
    ("p", "Corvane's redaction step removes card numbers, sort codes and account numbers, UK postcodes, dates of birth, email addresses and telephone numbers from the transcript before it is sent to the model. It does not remove names. Redaction is configured per tenant and must be enabled explicitly."),
    ("h2", "6.4 Grounding and model controls"),
    ("p", "The chat assistant answers only from the knowledge articles indexed from SharePoint, and every answer carries a link to the source article. The confidence threshold for answering is set at 0.72 for launch and will be tuned during the pilot. Rates and fees are not hard-coded in articles; where an article refers to a current rate, the assistant links to the rates page instead of quoting a figure. A regression pack of questions is run in Pre-production before any change to prompts, the knowledge index configuration, or the model version."),

    ("h1", "7. Non-functional requirements"),
    ("table", ["Ref", "Requirement", "Target", "Status"], [
        ["NFR-01", "Availability — workspace", "99.9% per month", "Agreed in principle with Corvane"],
        ["NFR-02", "Availability — web chat", "99.5% per month", "Agreed in principle"],
        ["NFR-03", "Recovery point objective", "15 minutes", "Under negotiation — Corvane standard is 1 hour"],
        ["NFR-04", "Recovery time objective", "4 hours", "Matches Corvane standard"],
        ["NFR-05", "Concurrent agents", "350", "Corvane load-tested to 2,000 in shared infrastructure"],
        ["NFR-06", "Concurrent chat sessions", "200 at peak", "To be tested in Pre-production"],
        ["NFR-07", "Live transcript latency", "≤ 3 seconds p95", "To be tested"],
        ["NFR-08", "Summary available after call end", "≤ 20 seconds p95", "To be tested"],
        ["NFR-09", "Accessibility", "WCAG 2.2 AA for chat widget and workspace", "Corvane audit report 2025 at 2.1 AA; 2.2 gap assessment requested"],
        ["NFR-10", "Browser support", "Microsoft Edge and Chrome (current and previous major versions)", "Confirmed"],
    ], [1.6, 5, 4.2, 5.2]),

    ("h1", "8. Phasing"),
    ("table", ["Phase", "Target date", "Scope"], [
        ["Phase 1", "w/c 15 March 2027", "Workspace, transcription and summaries for the Mortgage Servicing pilot team in Bristol (c. 45 agents). Web chat assistant live on the public website for general FAQs."],
        ["Phase 2", "June 2027", "Transcription and summaries extended to all mortgage teams and Savings Operations in Bristol. Live chat handover extended to Savings."],
        ["Phase 3", "October 2027", "Swansea site; Complaints team; authenticated chat if approved."],
    ], [2.2, 3.3, 10.5]),
    ("p", "Phase 1 depends on the CMS release slot booked by the Web team for the week of 15 March 2027 and on the Genesys AudioHook licence upgrade, which was ordered on 2 October 2026."),

    ("h1", "9. Assumptions, risks and open issues"),
    ("h2", "9.1 Assumptions"),
    ("bullet", "Corvane's tenant will be provisioned by 1 December 2026."),
    ("bullet", "The Integration Hub team can deliver the Aurora Core read endpoints in the January 2027 release."),
    ("bullet", "Knowledge articles in SharePoint will be reviewed and brought up to date by the Contact Centre Knowledge team before Phase 1; about 40% are more than a year old."),
    ("h2", "9.2 Open issues"),
    ("table", ["ID", "Issue", "Owner", "Target"], [
        ["OI-01", "RPO of 15 minutes not yet agreed by Corvane", "Rachel Dunmore (Procurement)", "Contract signature"],
        ["OI-02", "Authenticated chat — in or out of the programme?", "Digital Channels board", "Q1 2027"],
        ["OI-03", "Retention periods for call transcripts", "Fiona McAllister (DPO)", "DPIA"],
        ["OI-04", "Corvane SOC 2 Type II report not available until 2027", "Marcus Bell (InfoSec)", "Risk acceptance at steering"],
        ["OI-05", "Sentinel log ingestion Function not built", "Security Operations", "February 2027"],
        ["OI-06", "Model version — can we stop Corvane changing it without notice?", "Tom Edgecombe", "Contract signature"],
    ], [1.5, 7.5, 4, 3]),
    ("p", "Risks are held in the programme controls register maintained by Information Security and are not duplicated here."),
]


# ----------------------------------------------------- 2. contract schedule --

C = "clause"
CONTRACT = [
    ("centre", "**EXECUTION VERSION (v7) — 24 November 2026**"),
    ("centre", "**ORDER FORM No. CVN-OF-2026-0147**"),
    ("centre", "**together with SCHEDULE 3 (SERVICE-SPECIFIC TERMS)**"),
    ("centre", "issued under the Master Subscription Agreement ref. CVN-MSA-0093 dated 14 October 2026"),
    ("p", ""),
    ("bold", "PARTIES"),
    ("p", "(1) **CORVANE ANALYTICS LTD**, a company incorporated in England and Wales with company number 11482093, whose registered office is at 3rd Floor, Albert Dock House, 18 Whitworth Street, Manchester M1 3NR (the \"**Supplier**\"); and"),
    ("p", "(2) **HARBOUR & VALE BUILDING SOCIETY**, a building society incorporated under the Building Societies Act 1986, authorised by the Prudential Regulation Authority and regulated by the Financial Conduct Authority and the Prudential Regulation Authority (Firm Reference Number 206118), whose principal office is at Redcliffe Wharf, Bristol BS1 6QF (the \"**Customer**\")."),
    ("bold", "1. DEFINITIONS AND PRECEDENCE"),
    (C, "1.1", "Capitalised terms not defined in this Order Form have the meaning given in the Master Subscription Agreement (the \"**MSA**\"). In this Order Form: \"**Contract Year**\" means each period of twelve months beginning on the Subscription Start Date or an anniversary of it; \"**Model Inference**\" means the submission of Customer Data to the AI Model and the return of output; \"**Phase 1 Go-Live Acceptance**\" means the Customer's written confirmation that the Phase 1 acceptance criteria in the Implementation Plan have been met; \"**Service Level Table**\" means the Supplier's standard service level table version 3.1; and \"**UK Inference Date**\" means the date on which Model Inference for the Customer's production tenant is performed exclusively within the United Kingdom."),
    (C, "1.2", "If there is any conflict or inconsistency, the following order of precedence applies: (a) this Order Form including Schedule 3; (b) the Data Processing Agreement at Schedule 2 of the MSA; (c) the MSA; (d) the Service Level Table; (e) any Supplier documentation or policy referred to in any of the above."),
    ("bold", "2. TERM"),
    (C, "2.1", "This Order Form takes effect on 1 December 2026 (the \"**Order Effective Date**\")."),
    (C, "2.2", "The subscription begins on 1 January 2027 (the \"**Subscription Start Date**\") and continues for an initial term of thirty-six (36) months ending on 31 December 2029 (the \"**Initial Term**\")."),
    (C, "2.3", "Thereafter the subscription renews automatically for successive periods of twelve (12) months (each a \"**Renewal Term**\") unless either party gives the other written notice of non-renewal not less than one hundred and eighty (180) days before the end of the Initial Term or the then-current Renewal Term. For the Initial Term, the last date for such notice is 4 July 2029."),
    (C, "2.4", "The Customer may terminate this Order Form for convenience by giving not less than twelve (12) months' written notice, provided that such notice may not expire before 31 December 2028. On such termination the Customer shall pay an early termination fee equal to fifty per cent (50%) of the Subscription Fees that would have been payable for the remainder of the Initial Term."),
    (C, "2.5", "Between the Order Effective Date and the Subscription Start Date the Supplier shall provide the Pre-production and Test tenants and the implementation services at no additional charge beyond the Implementation Fee."),
    ("bold", "3. SERVICES AND VOLUMES"),
    (C, "3.1", "The Supplier shall provide the following Services: (a) Sable Workspace; (b) Sable Conversation Intelligence (real-time transcription, redaction and summarisation); and (c) Sable Web Chat Assistant, each as described in the Service Description version 2026.3."),
    (C, "3.2", "The Services shall be activated in phases in accordance with the Implementation Plan. The Sable Web Chat Assistant shall be activated for production use only on a date notified in writing by the Customer, which shall not be earlier than the UK Inference Date unless the Customer expressly agrees otherwise in writing."),
    (C, "3.3", "The Subscription Fee includes, in each Contract Year: (a) up to 400 named Workspace users; (b) up to 9,000,000 transcribed call minutes; and (c) up to 600,000 Web Chat conversations. A \"conversation\" is a chat session with one or more member messages, ending after 30 minutes of inactivity."),
    (C, "3.4", "Usage in excess of the volumes in clause 3.3 shall be charged quarterly in arrears at: (a) £38.00 per additional named user per month; (b) £0.012 per additional transcribed minute; and (c) £0.21 per additional Web Chat conversation. The Supplier shall notify the Customer when usage of any volume reaches 80% in a Contract Year."),
    ("bold", "4. FEES AND PAYMENT"),
    (C, "4.1", "The Subscription Fee is £412,000 (four hundred and twelve thousand pounds) per Contract Year, exclusive of VAT, invoiced annually in advance on the Subscription Start Date and on each anniversary of it."),
    (C, "4.2", "The Implementation Fee is £186,500, exclusive of VAT, payable as to 40% (£74,600) on signature of this Order Form and as to 60% (£111,900) on Phase 1 Go-Live Acceptance."),
    (C, "4.3", "Invoices are payable within thirty (30) days of receipt of a valid invoice quoting the Customer purchase order number."),
    (C, "4.4", "The Subscription Fee is fixed for the Initial Term. With effect from the start of any Renewal Term the Supplier may increase the Subscription Fee by giving not less than ninety (90) days' written notice, provided that any increase shall not exceed the lower of (a) the annual percentage change in the Consumer Prices Index published for the month of September preceding the Renewal Term plus two per cent (2%), and (b) five per cent (5%)."),
    ("bold", "5. HOSTING AND DATA LOCATION"),
    (C, "5.1", "The Supplier shall host the Services and store all Customer Data in Microsoft Azure region UK South (primary) and Microsoft Azure region UK West (secondary, for resilience and disaster recovery only)."),
    (C, "5.2", "Save as set out in clauses 5.3 and 5.4, the Supplier shall not store, process or access Customer Data outside the United Kingdom, nor permit any Sub-processor to do so, without the Customer's prior written consent."),
    (C, "5.3", "Until the UK Inference Date, Model Inference for the Sable Conversation Intelligence service may be performed in Microsoft Azure region Sweden Central. Customer Data submitted for such Model Inference shall be processed transiently and shall not be stored, logged or retained by the Supplier or the model provider beyond the duration of the request. The Supplier shall give the Customer not less than thirty (30) days' written notice of the expected UK Inference Date."),
    (C, "5.4", "The Sub-processors listed in Annex B may access Customer Data from the locations stated in that Annex, solely for the purposes stated there."),
    ("bold", "6. DATA PROTECTION"),
    (C, "6.1", "For the purposes of the Data Protection Legislation the Customer is the controller and the Supplier is a processor of the Customer Personal Data. Schedule 2 of the MSA (Data Processing Agreement) applies."),
    (C, "6.2", "The subject matter, nature, purpose and duration of the processing, and the types of personal data and categories of data subjects, are as set out in Annex A."),
    (C, "6.3", "Notwithstanding anything in the Data Processing Agreement or the Service Level Table, the Supplier shall notify the Customer of any Personal Data Breach without undue delay and in any event within twenty-four (24) hours of becoming aware of it, and shall provide a full written report within ten (10) Business Days."),
    (C, "6.4", "The Supplier shall not, and shall procure that the model provider and each other Sub-processor shall not, use Customer Data (including prompts, transcripts, chat content and outputs) to train, retrain, fine-tune or evaluate any machine learning model, or for product improvement or benchmarking, other than the Customer's own configured prompts and knowledge index."),
    (C, "6.5", "The Supplier shall configure the Customer's production tenant so that the following data is deleted automatically at the end of the stated period: (a) call transcripts and AI-generated summaries: eighteen (18) months from the date of the call; (b) Web Chat transcripts: twenty-four (24) months from the end of the conversation; (c) website visitor IP addresses and device identifiers: thirty (30) days; and (d) audit logs: twenty-four (24) months. The Customer may change these periods by written notice, within the range of thirty (30) days to twenty-four (24) months."),
    (C, "6.6", "The Supplier shall not create, derive or store any biometric data, including voiceprints, from call audio, and shall not store call audio after transcription is complete."),
    (C, "6.7", "The Services are not designed to process payment card data. The Customer shall use the secure pause functionality of its telephony platform when card details are taken. The Supplier shall apply redaction to any sequence that matches a primary account number pattern, but the Supplier shall not be in breach of this Order Form solely because a card number that is not so recognised is transcribed."),
    ("bold", "7. SUB-PROCESSORS"),
    (C, "7.1", "The Customer authorises the Sub-processors listed in Annex B."),
    (C, "7.2", "The Supplier shall give the Customer not less than thirty (30) days' written notice of any intended addition or replacement of a Sub-processor. If the Customer objects on reasonable data protection grounds within that period and the parties cannot agree a resolution within a further thirty (30) days, the Customer may terminate the affected Service without early termination fee."),
    ("bold", "8. SECURITY AND ASSURANCE"),
    (C, "8.1", "The Supplier shall maintain ISO/IEC 27001:2022 certification covering the Services throughout the Term."),
    (C, "8.2", "The Supplier shall provide a copy of its SOC 2 Type II report covering the Services within thirty (30) days of its issue and in any event no later than 30 June 2027. If the report is not provided by that date, or contains a qualified opinion relevant to the Services, the parties shall meet within ten (10) Business Days to agree a remediation plan."),
    (C, "8.3", "The Supplier shall commission an independent CREST-accredited penetration test of the Services at least once in each Contract Year and shall share the executive summary and remediation status with the Customer."),
    (C, "8.4", "The Customer may carry out, or commission, one penetration test of its own tenants in each Contract Year on not less than twenty (20) Business Days' notice, in accordance with the Supplier's testing rules of engagement."),
    ("bold", "9. SERVICE LEVELS"),
    (C, "9.1", "The Service Level Table applies, subject to the following modifications, which prevail over it: (a) the Recovery Point Objective in SL-14 is fifteen (15) minutes; (b) the breach notification period in SL-17 is twenty-four (24) hours, consistent with clause 6.3; and (c) the maximum aggregate service credits in SL-20 is fifteen per cent (15%) of the monthly Subscription Fee."),
    (C, "9.2", "Service credits are without prejudice to the Customer's right to terminate under clause 9.3, and to claim damages for any failure that is also a breach of clause 6."),
    (C, "9.3", "If the availability target in SL-01 is not met in any three (3) months within a rolling period of six (6) months, the Customer may terminate this Order Form on thirty (30) days' written notice without early termination fee."),
    ("bold", "10. BUSINESS CONTINUITY AND DISASTER RECOVERY"),
    (C, "10.1", "The Supplier shall maintain a business continuity and disaster recovery plan for the Services that achieves a Recovery Point Objective of fifteen (15) minutes and a Recovery Time Objective of four (4) hours for the Customer's production tenant."),
    (C, "10.2", "The Supplier shall test failover of the Customer's production tenant from UK South to UK West at least once in each Contract Year. The first test shall take place before Phase 1 Go-Live Acceptance and in any event no later than 28 February 2027. The Supplier shall provide a written test report within fifteen (15) Business Days of each test."),
    ("bold", "11. AI MODEL"),
    (C, "11.1", "The AI Model used for the Services at the Order Effective Date is Lumen Atlas 3.1, model identifier atlas-3.1-2026-08-15, provided by Lumen Foundry Inc."),
    (C, "11.2", "The Supplier shall not replace the AI Model, or change its major or minor version, in the Customer's production tenant without (a) giving not less than ninety (90) days' written notice and (b) the Customer's written agreement, not to be unreasonably withheld where the Customer's regression testing has been passed. Clause 14.3 of the MSA (substitution of materially equivalent components) shall not apply to the AI Model."),
    (C, "11.3", "If the model provider withdraws the AI Model on less notice than required by clause 11.2, the Supplier shall notify the Customer promptly, and the parties shall follow the change control procedure in the MSA. The Supplier shall make the outgoing and proposed models available in the Customer's Pre-production tenant for not less than thirty (30) days before any change where this is within the Supplier's control."),
    (C, "11.4", "Output generated by the Services is Customer Data. The Supplier does not warrant that outputs will be accurate or complete. The Customer is responsible for ensuring that AI-generated summaries are reviewed by a member of staff before they are relied upon or written to the Customer's systems of record."),
    ("bold", "12. LIMITATION OF LIABILITY"),
    (C, "12.1", "Subject to clauses 12.2 and 12.3, each party's total aggregate liability arising out of or in connection with this Order Form in each Contract Year shall not exceed one hundred and fifty per cent (150%) of the Fees paid and payable in the twelve (12) months preceding the event giving rise to the claim (or, for claims in the first Contract Year, 150% of the Fees payable in that Contract Year)."),
    (C, "12.2", "The Supplier's total aggregate liability for breach of clause 6, the Data Processing Agreement or the Data Protection Legislation shall not exceed £2,000,000 (two million pounds) in aggregate over the Term, and this amount is separate from and in addition to the cap in clause 12.1."),
    (C, "12.3", "Nothing in this Order Form limits liability for death or personal injury caused by negligence, fraud or fraudulent misrepresentation, or any liability which cannot lawfully be limited."),
    ("bold", "13. EXIT"),
    (C, "13.1", "For thirty (30) days after expiry or termination the Supplier shall keep the Customer's production tenant available in read-only mode so that the Customer may export Customer Data using the standard export tools in JSON and CSV formats."),
    (C, "13.2", "On request the Supplier shall provide up to twenty (20) person-days of exit assistance at £1,150 per person-day."),
    (C, "13.3", "The Supplier shall delete all Customer Data from live systems within ninety (90) days of expiry or termination. Backups shall expire in accordance with the 35-day backup cycle. The Supplier shall provide a certificate of deletion, signed by a director, within ten (10) Business Days of completion."),
    ("bold", "14. AUDIT AND REGULATORY ACCESS"),
    (C, "14.1", "The Customer has assessed the arrangement under this Order Form as a material outsourcing for the purposes of the PRA's Supervisory Statement SS2/21. The Supplier acknowledges this and shall comply with the regulatory access provisions of clause 19 of the MSA."),
    (C, "14.2", "The Customer may audit the Supplier's compliance once in each Contract Year on thirty (30) days' notice, and at any time following a Personal Data Breach or on the request of a regulator. The Supplier shall give the FCA, the PRA and the Bank of England, and any person appointed by them, effective access to data, premises and personnel relevant to the Services."),
    ("bold", "15. CONTRACT MANAGEMENT"),
    (C, "15.1", "Supplier Account Director: Josh Kettering. Customer Contract Manager: Rachel Dunmore, Procurement. Service reviews shall be held monthly during the first Contract Year and quarterly thereafter."),
    ("pagebreak",),
    ("bold", "ANNEX A — DETAILS OF PROCESSING"),
    (C, "A.1", "**Subject matter and duration:** provision of the Services for the Term and the exit period in clause 13."),
    (C, "A.2", "**Nature and purpose:** transcription, redaction and summarisation of telephone calls; provision of a case management workspace; answering website visitors' questions using the Customer's approved knowledge content; handover to human agents."),
    (C, "A.3", "**Categories of data subjects:** members and prospective members of the Customer; third parties calling on behalf of members (including attorneys and representatives); website visitors; Customer staff."),
    (C, "A.4", "**Types of personal data:** identity and contact data; member and account reference numbers; account summary information displayed during calls; the content of calls and chats; staff identifiers and activity logs; IP addresses. The content of calls and chats may incidentally include special category data, in particular data concerning health, and information about financial difficulty and vulnerability."),
    ("bold", "ANNEX B — AUTHORISED SUB-PROCESSORS"),
    ("table", ["Sub-processor", "Service", "Location of processing", "Access to Customer Data"], [
        ["Microsoft Ireland Operations Ltd", "Azure hosting; Azure AI Speech (speech-to-text)", "UK South; UK West", "Hosting infrastructure only; no human access by default"],
        ["Lumen Foundry Inc. (via Microsoft Azure)", "AI Model inference", "Sweden Central until the UK Inference Date; UK South thereafter", "Transient; zero data retention"],
        ["Brightwater Support Services sp. z o.o.", "Out-of-hours first-line support (20:00–08:00 UK time and weekends)", "Kraków, Poland", "Support tickets, tenant configuration and system logs. No access to transcripts or chat content"],
        ["Cloudflare, Inc.", "Content delivery and web application firewall for the Web Chat widget", "Global edge network", "Web Chat traffic in transit (TLS termination); not stored"],
    ], [3.8, 4, 3.8, 4.4]),
    ("p", ""),
    ("bold", "SIGNED for and on behalf of the parties"),
    ("table", ["", "Corvane Analytics Ltd", "Harbour & Vale Building Society"], [
        ["Name", "Daniela Fenwick", "Simon Thackeray"],
        ["Title", "Chief Financial Officer", "Chief Operating Officer"],
        ["Signature", "[signed electronically]", "[signed electronically]"],
        ["Date", "", ""],
    ], [3, 6.5, 6.5]),
    ("note", "Prepared by H&V Legal Services (O. Fairbairn) from the Supplier's paper. Ref: LEG/2026/0412. Not to be circulated outside the Society and the Supplier."),
]


# -------------------------------------------------------------- 3. DPIA ----

DPIA = [
    ("title", "Data Protection Impact Assessment: Sable customer service platform"),
    ("p", "**DRAFT — NOT APPROVED — for DPO review**"),
    ("table", ["", ""], [
        ["DPIA reference", "DPIA-2026-031"],
        ["Version / status", "0.4 DRAFT"],
        ["Date of this version", "13 November 2026"],
        ["Prepared by", "Daniel Achterberg, Data Protection Analyst, Data Protection Office"],
        ["Reviewer", "Fiona McAllister, Data Protection Officer"],
        ["Business owner", "Margaret Holloway, Director of Customer Operations (SRO)"],
        ["Project contact", "Priya Raghunathan, Programme Manager, Digital Channels"],
        ["Next review", "Before Phase 1 go-live; and on any change to model location, sub-processors or retention"],
    ], [4.5, 11.5]),
    ("note", "Comments from the DPO are shown in square brackets marked [FM]. Items marked TBC are not yet complete. Please do not circulate outside the programme."),

    ("h1", "1. Why a DPIA is needed"),
    ("p", "The screening questionnaire (completed 2 October 2026) answered \"yes\" to five of the high-risk indicators, so a full DPIA is mandatory under our Data Protection Policy and Article 35 UK GDPR:"),
    ("bullet", "**Innovative technology** — use of a large language model to summarise member calls and to answer member questions on the website."),
    ("bullet", "**Large scale** — at full rollout, potentially all of the roughly 1.3 million calls a year into the contact centre, plus an estimated 450,000 chat conversations."),
    ("bullet", "**Vulnerable individuals** — members in financial difficulty (Mortgage Arrears Support is part of the Phase 1 pilot), bereaved callers, and members who disclose health conditions."),
    ("bullet", "**Systematic monitoring** — every call an agent handles would be transcribed, which is monitoring of staff as well as members."),
    ("bullet", "**Special category data** — likely to be captured incidentally in call and chat content (mostly health)."),

    ("h1", "2. Description of the processing"),
    ("h2", "2.1 Nature of the processing"),
    ("p", "Genesys Cloud CX streams call audio to Corvane's Sable service, where it is converted to text using Azure AI Speech. The transcript is shown to the agent during the call. After the call the transcript is redacted (card numbers, bank details, postcodes, dates of birth, email addresses and phone numbers — **but not names**) and sent to the language model, which produces a draft summary. The agent edits and approves the summary, and the approved version is written to the member's case in Dynamics 365."),
    ("p", "On the website, members and non-members can type questions into the chat assistant. The assistant answers using the society's knowledge articles and can hand the conversation to a human agent. The chat is not authenticated: the assistant does not know who the person is and has no access to account data."),
    ("p", "Audio is not stored in Sable; it stays in Genesys under the existing Call Recording Policy (currently 5 years for mortgage calls). **No biometric voice prints are created** — Corvane separates the two speakers using the stereo channels. Sentiment scoring is available in the product but will be switched off; it is out of scope of this DPIA and would need a separate assessment."),
    ("p", "Sable does not make any decisions about members. The summaries and chat answers inform staff and members but there is no automated decision-making with legal or similarly significant effects, so Article 22 is not engaged. [FM: agree — but we should say in section 4 how we stop summaries drifting into being the de facto decision, e.g. in arrears cases.]"),
    ("h2", "2.2 Who has access"),
    ("p", "Society staff access Sable by role (agent, team leader, quality analyst, administrator) as set out in the Solution Design, section 5.4. Corvane has no standing access to content; its UK second-line engineers can be granted time-limited access by a society administrator."),
    ("p", "Sub-processors known at the date of this draft: Microsoft (Azure hosting and speech-to-text, UK); Lumen Foundry Inc. (language model). A full list with locations was requested from Corvane on 4 November 2026. **TBC.** [FM: Corvane mentioned on the call of 4 Nov that there is an out-of-hours support provider in Poland. This must be in the next version.]"),
    ("h2", "2.3 Scope"),
    ("table", ["Category", "Detail"], [
        ["Data subjects", "Members; prospective members; third parties calling for a member (attorneys, family, brokers); website visitors; contact centre staff"],
        ["Personal data", "Name, member number, contact details, call and chat content, account summary shown on screen (not stored), staff ID and activity, IP address"],
        ["Special category data", "Incidental: health (e.g. illness as reason for arrears), possibly religion (e.g. Islamic finance product questions — not offered, but asked about), sex life in bereavement/separation conversations"],
        ["Criminal offence data", "Incidental: disclosures of fraud victimisation or domestic abuse (economic abuse)"],
        ["Volume (Phase 1 pilot)", "About 45 agents, est. 9,000 calls per month"],
        ["Volume (full rollout)", "About 1.3m calls per year; 450,000 chats per year by 2028"],
        ["Geography", "UK (hosting UK South / UK West). Model inference: see section 4.6 — TBC"],
    ], [4, 12]),
    ("h2", "2.4 Context"),
    ("p", "Members expect their calls to be recorded — the IVR message already says so — but they will not necessarily expect the content to be processed by AI or summarised. Members in arrears are among the most vulnerable people we deal with, and they are in the Phase 1 pilot. Consumer Duty requires us to show good outcomes for these members, which cuts both ways: better notes help, but an inaccurate summary on an arrears case could lead to the wrong forbearance conversation next time."),
    ("p", "For staff, this is a significant change. Agents' calls are already recorded and sampled for QA, but a searchable transcript of every call is qualitatively different. The Staff Forum raised concerns about transcripts being used in performance management (see section 3)."),
    ("h2", "2.5 Purposes"),
    ("numlist", "To reduce after-call work and improve the quality and consistency of case notes."),
    ("numlist", "To help members find answers to common questions outside opening hours."),
    ("numlist", "To support quality assurance, complaint investigation and the identification of vulnerability."),
    ("p", "Purposes not pursued: marketing; profiling; credit or lending decisions; training of AI models; fraud analytics. [FM: add 'staff performance management' here once Ops confirm — see 3.]"),

    ("h1", "3. Consultation"),
    ("table", ["Who", "How", "When", "Status"], [
        ["Staff Forum (contact centre reps)", "Presentation and Q&A", "3 November 2026", "Completed. Concerns: performance management use; accuracy; whether agents can correct transcripts"],
        ["Information Security", "Review of vendor questionnaire", "October–November 2026", "In progress"],
        ["Contact Centre Operations", "Workshops on retention and QA use", "October 2026", "Completed — requested 36-month retention"],
        ["Member panel", "Online panel survey on AI in service", "Planned January 2027", "Not yet started"],
        ["Corvane Analytics", "Written questions; calls", "Ongoing", "Sub-processor list outstanding"],
        ["Legal Services", "Lawful basis for special category data", "Requested 6 November 2026", "Awaiting response"],
    ], [4, 4, 3.5, 4.5]),
    ("p", "Ops have not yet confirmed in writing that transcripts will not be used for individual performance management. If they are to be used, this needs its own legitimate interests balance and staff privacy notice update."),

    ("h1", "4. Necessity and proportionality"),
    ("h2", "4.1 Lawful basis"),
    ("p", "Transcription and summarisation: Article 6(1)(f), legitimate interests (efficient, accurate record keeping and service quality). A legitimate interests assessment (LIA-2026-014) has been started but is not complete. Web chat: Article 6(1)(f) for answering questions; where the chat leads to a servicing request for an existing member, Article 6(1)(b) contract."),
    ("p", "Special category data: the condition is **TBC**. Our working assumption is Article 9(2)(g) with DPA 2018 Schedule 1 paragraph 18 (safeguarding of economic well-being of certain individuals) for vulnerability-related data, but Legal's view has been requested. An Appropriate Policy Document update will be needed either way."),
    ("h2", "4.2 Transparency"),
    ("p", "Member privacy notice: new paragraph drafted on AI-assisted call summaries and the chat assistant; not yet published. IVR message: change to mention AI transcription — to be agreed with Ops. Chat widget: opening message to say the assistant is automated, may make mistakes, and not to share account or card details. Staff privacy notice: update needed — TBC."),
    ("h2", "4.3 Data minimisation"),
    ("bullet", "Audio not stored in Sable."),
    ("bullet", "Redaction applied before model inference (does not cover names; free-text disclosures of health or circumstances are not redacted)."),
    ("bullet", "Account data from Aurora Core displayed only, not stored."),
    ("bullet", "No biometrics. No sentiment scoring."),
    ("bullet", "Card data: Sable will not store card data; Genesys secure pause is used for card payments and a PAN-pattern redaction rule is applied as a backstop."),
    ("h2", "4.4 Retention (proposed)"),
    ("table", ["Data", "Proposed period", "Status"], [
        ["Call transcripts and draft summaries in Sable", "12 months", "TBC — Ops requested 36 months; Corvane max without change request is 24 months"],
        ["Approved summaries in Dynamics", "Per CRM retention schedule (6 years after relationship ends)", "Existing policy"],
        ["Chat transcripts", "24 months", "Proposed"],
        ["Visitor IP address", "30 days", "Proposed"],
        ["Audit logs", "TBC", "Ask InfoSec"],
        ["Call audio (Genesys)", "Unchanged — existing Call Recording Policy", "Out of scope"],
    ], [5.5, 5, 5.5]),
    ("h2", "4.5 Data subject rights"),
    ("p", "Subject access: transcripts in Sable must be findable by member number. Corvane confirmed that search by member number is available to Quality Analysts; the SAR team will need a role. Erasure and rectification: agents cannot edit transcripts (by design), only summaries; a process for handling rectification requests against transcripts is needed. **TBC.** Objection: members who object to AI summarisation — it is not clear whether transcription can be switched off for a single call. Corvane to confirm."),
    ("h2", "4.6 International transfers and location"),
    ("p", "Hosting is in the UK. On 4 November 2026 Corvane told us that the language model currently runs in **Azure Sweden Central**, not the UK. Sweden is covered by the UK's adequacy regulations for the EEA, so this is not a restricted transfer. However:"),
    ("bullet", "Lumen Foundry is a US company. We do not yet know whether Lumen staff in the US can access prompts or outputs (e.g. for abuse monitoring or support). If they can, that is a restricted transfer and we need the UK Extension to the EU–US Data Privacy Framework or an IDTA. **TBC — awaiting letter from Lumen via Corvane.**"),
    ("bullet", "Following the Architecture Review Board on 12 November, the web chat is expected to move to Phase 2 and to run only once UK inference is available (ADR-SBL-007). To be confirmed at steering committee on 19 November."),
    ("bullet", "Poland (out-of-hours support) — section to be written once the sub-processor list is received."),

    ("h1", "5. Identified risks"),
    ("p", "Likelihood and severity are scored Remote / Possible / Probable and Minimal / Significant / Severe, per the ICO template."),
    ("table", ["ID", "Risk to individuals", "Likelihood", "Severity", "Overall"], [
        ["R1", "Inaccurate AI summary is approved without proper review and becomes the record, leading to wrong treatment of the member (e.g. arrears arrangement misrecorded)", "Probable", "Significant", "High"],
        ["R2", "Chat assistant gives incorrect information (e.g. about early repayment charges or ISA deadlines) and the member acts on it", "Possible", "Significant", "Medium"],
        ["R3", "Special category data captured and retained in transcripts without a clear condition or need", "Probable", "Significant", "High"],
        ["R4", "Transcripts retained longer than needed", "Possible", "Significant", "Medium"],
        ["R5", "Processing outside the UK without members' knowledge; possible access from the US", "Possible", "Significant", "Medium"],
        ["R6", "Unauthorised access to transcripts by vendor or subcontractor staff", "Remote", "Severe", "Medium"],
        ["R7", "Transcripts used to monitor individual staff performance without transparency", "Possible", "Significant", "Medium"],
        ["R8", "Redaction misses identifiers (names, spelled-out numbers) before model inference", "Probable", "Minimal", "Medium"],
        ["R9", "Members unaware that AI is used; unable to object", "Possible", "Minimal", "Low"],
        ["R10", "Vendor changes the model without notice, changing output behaviour", "Possible", "Significant", "Medium"],
    ], [1.1, 8.4, 2.2, 2.3, 2]),

    ("h1", "6. Measures to reduce risk"),
    ("table", ["Risk", "Measure", "Effect", "Residual", "Approved"], [
        ["R1", "Mandatory agent approval before write-back; summary marked 'AI-drafted, agent-approved' in Dynamics; QA sampling of 2% of summaries against transcripts in pilot", "Reduced", "Medium", "TBC"],
        ["R2", "Answers only from approved articles with citations; no rate figures quoted; confidence threshold with human handover; regression pack", "Reduced", "Low", "TBC"],
        ["R3", "Condition to be confirmed; vulnerability flags kept in Dynamics not Sable; retention limit", "Reduced", "Medium", "TBC"],
        ["R4", "Automatic deletion configured in tenant; annual review", "Reduced", "Low", "TBC"],
        ["R5", "Web chat only in UK; privacy notice wording; Lumen letter", "TBC", "TBC", "TBC"],
        ["R6", "No standing vendor access; JIT approval by society admin; audit logs to Sentinel", "Reduced", "Low", "TBC"],
        ["R7", "Written confirmation from Ops; staff privacy notice", "TBC", "TBC", "TBC"],
        ["R8", "Redaction enabled and tested; contract: zero retention at model provider", "Reduced", "Low", "TBC"],
        ["R9", "IVR and privacy notice updates; chat opening message", "Reduced", "Low", "TBC"],
        ["R10", "Contract clause on model change notice (in negotiation)", "TBC", "TBC", "TBC"],
    ], [1.2, 8, 2, 2.2, 2.6]),

    ("h1", "7. Sign-off and outcomes"),
    ("table", ["Item", "Name / date", "Notes"], [
        ["Measures approved by", "", "Integrate actions back into project plan"],
        ["Residual risks approved by", "", "If accepting any residual high risk, consult the ICO before going ahead"],
        ["DPO advice provided", "", "TBC"],
        ["Summary of DPO advice", "", ""],
        ["DPO advice accepted or overruled by", "", "If overruled, you must explain your reasons"],
        ["Consultation responses reviewed by", "", ""],
        ["This DPIA will be kept under review by", "Fiona McAllister", ""],
    ], [5, 4.5, 6.5]),
    ("p", "Prior consultation with the ICO under Article 36 is not expected to be needed, but this cannot be confirmed until the residual risk on R1 and R3 is agreed."),
]


# ------------------------------------------------------------ PDF helpers --

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (KeepTogether, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

SS = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=SS["Normal"], fontName="Helvetica",
                      fontSize=9.5, leading=12.5, spaceAfter=5)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=SS["Heading1"], fontName="Helvetica-Bold",
                    fontSize=15, leading=19, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=SS["Heading2"], fontName="Helvetica-Bold",
                    fontSize=11.5, leading=14, spaceBefore=10, spaceAfter=5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10,
                       textColor=colors.HexColor("#555555"))


def esc(s):
    s = re.sub(r"&(?!amp;|nbsp;|lt;|gt;)", "&amp;", s)
    s = s.replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", s)


def pdf_table(header, rows, widths, head_bg="#1F3B5A"):
    data = [[Paragraph(esc(h), ParagraphStyle("th", parent=CELLB,
                                              textColor=colors.white)) for h in header]]
    for r in rows:
        data.append([Paragraph(esc(str(c)), CELL) for c in r])
    t = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(head_bg)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8A8A8A")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F4F7")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def render_pdf(path, story_spec, header_left, header_right, footer_left,
               title, author, subject):
    story = []
    for b in story_spec:
        k = b[0]
        if k == "h1":
            story.append(Paragraph(esc(b[1]), H1))
        elif k == "h2":
            story.append(Paragraph(esc(b[1]), H2))
        elif k == "p":
            story.append(Paragraph(esc(b[1]), BODY))
        elif k == "small":
            story.append(Paragraph(esc(b[1]), SMALL))
        elif k == "bullet":
            story.append(Paragraph(esc(b[1]), ParagraphStyle(
                "bl", parent=BODY, leftIndent=12, bulletIndent=3), bulletText="\u2022"))
        elif k == "table":
            story.append(pdf_table(b[1], b[2], b[3]))
            story.append(Spacer(1, 6))
        elif k == "space":
            story.append(Spacer(1, b[1] * mm))
        elif k == "pagebreak":
            story.append(PageBreak())
        else:
            raise ValueError(k)

    def on_page(canv, doc):
        canv.saveState()
        w, h = A4
        canv.setFont("Helvetica", 7.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(18 * mm, h - 12 * mm, header_left)
        canv.drawRightString(w - 18 * mm, h - 12 * mm, header_right)
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.line(18 * mm, h - 14 * mm, w - 18 * mm, h - 14 * mm)
        canv.line(18 * mm, 14 * mm, w - 18 * mm, 14 * mm)
        canv.drawString(18 * mm, 10 * mm, footer_left)
        canv.drawRightString(w - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canv.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=title,
                            author=author, subject=subject, creator="build_corpus.py",
                            invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ------------------------------------------- 5. vendor security response ---

QW = [14, 62, 98]  # column widths (mm) for Ref / Question / Response

VENDOR_RESPONSE = [
    ("h1", "Response to Third-Party Security Questionnaire"),
    ("p", "**Customer:** Harbour & Vale Building Society — TPSQ v5.2 (issued 28 September 2026 by Marcus Bell, Head of Information Security)"),
    ("p", "**Supplier:** Corvane Analytics Ltd — Sable platform (Workspace, Conversation Intelligence, Web Chat Assistant)"),
    ("p", "**Prepared by:** Elena Voss, Head of Security &amp; Compliance, Corvane Analytics Ltd"),
    ("p", "**Date of response:** 9 October 2026 &nbsp;&nbsp; **Response version:** 1.0"),
    ("space", 3),
    ("p", "Thank you for the opportunity to respond. Our answers below describe the Sable service as it is operated for UK financial services customers today. Where a control is on our roadmap rather than in place, we say so. Supporting documents referenced in the Evidence column are available in our Trust Portal; access has been granted to Marcus Bell and Sunita Varma. Answers are given in good faith and are accurate at the date of this response; they do not form part of any contract unless expressly incorporated."),
    ("p", "Where Harbour &amp; Vale's questionnaire numbering has sub-questions, we have answered them together."),

    ("h2", "Section A — Organisation and governance"),
    ("table", ["Ref", "Question", "Response"], [
        ["A.1", "Provide company details, size and ownership.", "Corvane Analytics Ltd, incorporated in England and Wales (company no. 11482093), founded 2017. Approximately 240 employees, offices in Manchester (HQ) and London. Privately held; majority investor is a UK growth equity fund. No change of control is planned."],
        ["A.2", "Who is accountable for information security?", "Elena Voss, Head of Security &amp; Compliance, reporting to the CTO (Ravi Mistry). Security team of 11 FTE including a 24x7 security operations function run jointly with our managed detection provider."],
        ["A.3", "Do you have an information security policy approved by senior management?", "Yes. Information Security Policy v6.1, approved by the Board on 17 March 2026; reviewed annually."],
        ["A.4", "Do staff receive security and data protection training?", "Yes. Mandatory on joining and annually thereafter; monthly phishing simulations. Completion rate for 2025/26: 98.7%."],
        ["A.5", "Do you carry cyber insurance?", "Yes, £10 million aggregate cover. Certificate available on request."],
    ], QW),

    ("h2", "Section B — Certifications and independent assurance"),
    ("table", ["Ref", "Question", "Response"], [
        ["B.1", "Are you certified to ISO/IEC 27001?", "Yes, ISO/IEC 27001:2022, certificate IS 748213 issued by Albion Assurance Ltd (UKAS-accredited). Scope covers the Sable platform, supporting infrastructure and the Manchester and London offices. Valid until 19 March 2028; last surveillance audit 3 September 2026 with no major non-conformities."],
        ["B.2", "Do you hold a SOC 2 Type II report?", "Not yet. A SOC 2 Type I report (Security, Availability and Confidentiality) was issued on 30 April 2026. Our Type II observation period runs from 1 July 2026 to 31 December 2026 and we expect the report in March 2027."],
        ["B.3", "Cyber Essentials?", "Cyber Essentials Plus, renewed 2 June 2026."],
        ["B.4", "PCI DSS?", "Not applicable. Sable is not designed to store, process or transmit cardholder data and is not in scope for PCI DSS. See also E.6."],
        ["B.5", "Have you had any regulatory enforcement or reportable breaches in the last 3 years?", "No."],
    ], QW),

    ("h2", "Section C — Hosting and data location"),
    ("table", ["Ref", "Question", "Response"], [
        ["C.1", "Where is the service hosted?", "Microsoft Azure, region UK South (London). Sable is multi-tenant with logical separation per customer: separate database schema, separate encryption keys and separate storage containers."],
        ["C.2", "Where are backups and disaster recovery sites?", "Azure UK West (Cardiff). Backups are geo-replicated from UK South to UK West."],
        ["C.3", "Is any customer data processed or stored outside the UK?", "No. All customer data is stored and processed in Azure UK South, with failover to UK West."],
        ["C.4", "Do you use a content delivery network?", "Yes. Cloudflare provides CDN and web application firewall services for the Web Chat widget. Static assets are cached at the edge; chat traffic is TLS-terminated at the Cloudflare edge and passed to Azure UK South. Cloudflare does not store chat content."],
        ["C.5", "Which environments will the customer have?", "Production, Pre-production and Test tenants. We recommend that no real personal data is loaded into non-production tenants."],
    ], QW),

    ("h2", "Section D — Encryption and key management"),
    ("table", ["Ref", "Question", "Response"], [
        ["D.1", "Is data encrypted at rest?", "Yes, AES-256 using Azure Storage Service Encryption and Transparent Data Encryption for databases. The search index is also encrypted at rest."],
        ["D.2", "Is data encrypted in transit?", "Yes. TLS 1.2 minimum, TLS 1.3 preferred, on all external interfaces. Internal service-to-service traffic uses mutual TLS."],
        ["D.3", "Who manages the keys?", "Corvane, using Azure Key Vault Premium (HSM-backed). Per-tenant data encryption keys are rotated annually."],
        ["D.4", "Can the customer manage its own keys (BYOK/CMK)?", "Customer-managed keys are available on the Sable Enterprise Plus tier. They are not part of the Enterprise tier proposed to Harbour &amp; Vale."],
    ], QW),

    ("h2", "Section E — Access control"),
    ("table", ["Ref", "Question", "Response"], [
        ["E.1", "How do customer users authenticate?", "SAML 2.0 or OpenID Connect single sign-on with the customer's identity provider. SCIM 2.0 provisioning supported. Local accounts can be disabled except for break-glass accounts."],
        ["E.2", "Is MFA enforced for Corvane staff?", "Yes, for all staff on all systems. Privileged access to production requires a FIDO2 hardware key."],
        ["E.3", "How is Corvane privileged access to production controlled?", "No standing access. Engineers request just-in-time elevation through our PAM tool; access to a customer tenant's content additionally requires approval by a customer administrator and expires after a maximum of 8 hours. All sessions are recorded."],
        ["E.4", "Where are support staff located?", "All support personnel with access to customer data are located in the UK. Second-line and third-line engineering is delivered from Manchester and London."],
        ["E.5", "Are staff background checked?", "Yes. Staff with production access are screened to BS 7858, including basic DBS and credit checks."],
        ["E.6", "How do you prevent card data entering the platform?", "We rely on the customer's telephony pause/resume for card payments. In addition our redaction engine removes sequences matching primary account number patterns (Luhn-validated) from transcripts. Card data will not be stored by Sable."],
        ["E.7", "Are access reviews performed?", "Quarterly for all privileged roles; customer administrators can export a user access report from the Workspace at any time."],
    ], QW),

    ("h2", "Section F — Logging and monitoring"),
    ("table", ["Ref", "Question", "Response"], [
        ["F.1", "What events are logged?", "Authentication, administrative changes, configuration changes, data exports, search queries and record views by customer users; all privileged actions by Corvane staff."],
        ["F.2", "How long are logs retained?", "Customer-visible audit logs: 24 months. Internal security logs in our SIEM: 13 months."],
        ["F.3", "Can logs be sent to the customer's SIEM?", "Yes, via the Audit Log REST API (pull, JSON). We do not currently provide a native Microsoft Sentinel connector; this is on our roadmap for H2 2027."],
    ], QW),

    ("h2", "Section G — Vulnerability management and testing"),
    ("table", ["Ref", "Question", "Response"], [
        ["G.1", "How often do you scan for vulnerabilities?", "Infrastructure and container images are scanned continuously; authenticated web application scans run weekly."],
        ["G.2", "What are your patching timescales?", "Critical: 14 days. High: 30 days. Medium: 90 days. Measured from availability of a fix."],
        ["G.3", "When was your last independent penetration test, and what were the results?", "Completed on 12 August 2026 by Ironbridge Security (CREST-accredited), covering the Sable web applications, APIs and Azure configuration. Findings: 0 critical, 2 high, 5 medium, 9 low. Both high findings (an IDOR in a reporting API and a missing rate limit on the chat session endpoint) were remediated and retested by 9 September 2026. Three medium findings are remediated; the remaining two are scheduled for completion by 15 December 2026. The next annual test is planned for August 2027."],
        ["G.4", "May the customer conduct its own penetration test?", "Yes, once per year on 20 business days' notice under our rules of engagement."],
        ["G.5", "Describe your secure development practice.", "Peer code review for all changes; static analysis and dependency scanning in CI; dynamic scanning in staging; OWASP ASVS Level 2 used as the design baseline."],
    ], QW),

    ("h2", "Section H — Business continuity and disaster recovery"),
    ("table", ["Ref", "Question", "Response"], [
        ["H.1", "What are your recovery objectives?", "RPO 1 hour; RTO 4 hours, for the production service in the event of loss of the UK South region."],
        ["H.2", "When did you last test DR?", "A full regional failover exercise was run on 21 May 2026. Service was restored in UK West in 2 hours 47 minutes with data loss of 22 minutes. Report available in the Trust Portal."],
        ["H.3", "How are backups taken and retained?", "Continuous point-in-time backup for databases, plus daily snapshots of all storage. Retained for 35 days and geo-replicated to UK West. Backups are encrypted and restores are tested monthly."],
        ["H.4", "Do you have a business continuity plan for your own operations?", "Yes, tested annually. All staff can work remotely; no single office is critical to service delivery."],
    ], QW),

    ("h2", "Section I — AI and language model"),
    ("table", ["Ref", "Question", "Response"], [
        ["I.1", "Which model(s) are used and who provides them?", "Lumen Atlas 3.1, licensed from Lumen Foundry Inc. Speech-to-text is Microsoft Azure AI Speech. Corvane does not train its own foundation models."],
        ["I.2", "Where is the model hosted?", "The model is accessed through our model provider's managed inference service on Microsoft Azure. No customer data is retained by the model provider after a request completes."],
        ["I.3", "Is customer data used for training?", "No. Customer data is never used to train, fine-tune or evaluate Corvane or model provider models. This is a contractual commitment in our agreement with Lumen Foundry."],
        ["I.4", "How do you protect against prompt injection?", "Layered controls: system prompts isolated from user input; input classifiers for known injection patterns; retrieval restricted to the customer's own knowledge index; output filtering for prohibited content and for personal data patterns; the assistant has no tools or actions that can change data. Our internal red team last tested the Web Chat Assistant in September 2026."],
        ["I.5", "How do you limit incorrect answers (hallucination)?", "The Web Chat Assistant answers only when retrieval confidence exceeds a customer-configurable threshold, and each answer cites the source article. Summaries are presented as drafts for human review."],
        ["I.6", "Will you notify us of model changes?", "Yes. We give at least 30 days' notice of a change of model version, and make the new version available in Pre-production during that period."],
        ["I.7", "Do you use biometric or emotion recognition?", "No biometric voiceprints are created. Speaker separation uses telephony stereo channels. Sable offers an optional sentiment indicator (positive/neutral/negative per call) which is disabled by default; it is not emotion recognition and is not based on voice characteristics."],
    ], QW),

    ("h2", "Section J — Sub-processors"),
    ("table", ["Ref", "Question", "Response"], [
        ["J.1", "List all sub-processors with access to customer data.", "Microsoft Ireland Operations Ltd (Azure hosting and AI Speech; UK). Lumen Foundry Inc. (model inference via Azure). Cloudflare, Inc. (CDN/WAF for the chat widget; global edge)."],
        ["J.2", "How will you notify changes?", "30 days' advance notice by email to the customer's nominated contact and via the Trust Portal."],
    ], QW),

    ("h2", "Section K — Incident management and exit"),
    ("table", ["Ref", "Question", "Response"], [
        ["K.1", "How quickly will you notify us of a security incident affecting our data?", "We will notify the customer of a personal data breach without undue delay and within 48 hours of becoming aware of it, with a full report within 10 business days."],
        ["K.2", "Do you have a documented incident response plan?", "Yes, tested twice a year through tabletop exercises (last: 14 July 2026)."],
        ["K.3", "What happens to our data at the end of the contract?", "Data can be exported in JSON and CSV during a 30-day read-only period. All customer data is deleted from live systems within 90 days of termination; backups expire on the 35-day cycle. A certificate of deletion is provided on request."],
    ], QW),
    ("space", 4),
    ("h2", "Declaration"),
    ("p", "I confirm that, to the best of my knowledge, the responses above are accurate and complete at the date given."),
    ("p", "Elena Voss, Head of Security &amp; Compliance, Corvane Analytics Ltd — 9 October 2026"),
]


# -------------------------------------------------- 8. steering minutes ----

STEERING = [
    ("h1", "Sable Programme Steering Committee — Minutes"),
    ("p", "**Meeting 7** &nbsp;|&nbsp; Thursday 19 November 2026, 14:00–15:40 &nbsp;|&nbsp; Room 4.02, Redcliffe Wharf, and Microsoft Teams"),
    ("table", ["Present", "In attendance", "Apologies"], [
        ["Margaret Holloway, Director of Customer Operations (SRO, Chair)\nPriya Raghunathan, Programme Manager\nTom Edgecombe, Lead Solution Architect (deputising for CIO)\nMarcus Bell, Head of Information Security\nFiona McAllister, Data Protection Officer\nLorna Quayle, Head of Contact Centre Operations\nNeil Chowdhury, Finance Business Partner\nRachel Dunmore, Senior Category Manager, Procurement",
         "Hannah Okafor, Principal Integration Architect (item 4)\nJosh Kettering, Account Director, Corvane Analytics (items 3 and 4)\nChloe Haddon, PMO Officer (minutes)",
         "Andrew Pembridge, Chief Information Officer\nGwen Rhys, Head of Digital Channels"],
    ], [70, 56, 48]),

    ("h2", "1. Welcome, minutes and actions"),
    ("p", "The Chair welcomed members. The minutes of meeting 6 (22 October 2026) were approved without amendment. Of the nine open actions, six were closed (see actions log), including SC6-04 (Corvane sub-processor list), which was closed on 18 November and is picked up under item 6. SC6-07 (knowledge article review plan) and SC6-09 (Genesys licence) were closed: the Genesys AudioHook licence upgrade was delivered on 28 October."),

    ("h2", "2. Programme status"),
    ("p", "PR reported overall status as **Amber** (previously Green). Test and Pre-production tenants were provisioned by Corvane on 9 November; the Production tenant is due on 1 December. The Integration Hub team have moved the Aurora Core read endpoints from the January to the February 2027 release because of the year-end freeze. The Dynamics write-back build started on 16 November. 212 of 530 knowledge articles have been reviewed (40%); the Knowledge team have asked for two temporary staff to finish by the end of February."),
    ("p", "Given the Integration Hub slip and the requirement for a DR test before go-live (item 7), PR proposed re-baselining Phase 1 go-live from w/c 15 March 2027 to **12 April 2027**. **Agreed.** The CMS release slot booked for March is no longer needed for Phase 1 (see item 4) and will be released."),

    ("h2", "3. Commercial"),
    ("p", "RD reported that the Order Form is at version 6 and the material points are agreed in principle, subject to confirmation from Corvane's legal team: subscription of £412,000 per year fixed for the three-year initial term (1 January 2027 to 31 December 2029), implementation fee of £186,500, liability cap at 150% of annual fees with a £2m data protection cap, 24-hour breach notification, 15% service credit cap, RPO 15 minutes and RTO 4 hours. Signature is targeted for 27 November by the COO under delegated authority."),
    ("p", "NC confirmed the three-year contract value of £1,422,500 sits within the approved programme envelope of £2.35m (Board paper BP-26-071, July 2026), which also covers internal resources and the Genesys licence uplift of £96,000 a year. Spend to date is £214,300 against a forecast of £240,000 to the end of November. The first subscription invoice falls in January 2027 and the 40% implementation milestone (£74,600) on signature; both are in the 2026/27 forecast."),
    ("p", "JK said he expected Corvane to accept the 90-day model change notice and the exclusion of substitution for the model, and would confirm in writing with the next turn of the Order Form."),

    ("h2", "4. Model location — ADR-SBL-007"),
    ("p", "HO presented ADR-SBL-007. The language model is currently only available to Corvane's UK customers in Azure Sweden Central, not UK South as the Solution Design had assumed. JK said Lumen Foundry are targeting UK South in Q2 2027 but Corvane cannot commit to a date."),
    ("p", "The committee **endorsed** Option C: call summarisation in Phase 1 will use the model in Sweden Central with redaction enabled; the public web chat will move to Phase 2 and will not go live until inference is available in the UK. LQ expressed disappointment, noting that the chat was the most visible benefit for members and that out-of-hours demand was growing. FM supported the decision. The Chair asked for a clear message to the Board that web chat has moved rather than been dropped."),
    ("p", "Phase 2 is now planned for **no earlier than July 2027**, subject to the UK inference date. Phase 3 remains October 2027. ARB will review the position on 31 May 2027 if UK inference has not been delivered."),

    ("h2", "5. Retention of call transcripts"),
    ("p", "The committee considered retention for call transcripts and summaries held in Sable. Operations had asked for 36 months; the DPO's proposal was 12 months; Corvane's standard maximum is 24 months. LQ explained the QA and complaints rationale. FM noted that approved summaries are retained in Dynamics under the CRM retention schedule and the transcript in Sable is a working copy."),
    ("p", "**Decision:** call transcripts and summaries in Sable will be retained for **18 months** and then deleted automatically, with a review after 12 months of live running. Chat transcripts will be retained for 24 months. FM asked that her view that 12 months is defensible be recorded."),

    ("h2", "6. Data protection"),
    ("p", "FM reported that the DPIA is at draft v0.4 and will not be signed before the contract; it must be signed before Phase 1 go-live. Outstanding items: the lawful condition for incidental special category data (with Legal), confirmation from Lumen Foundry about any access from the US, and the out-of-hours support provider in Poland (Brightwater Support Services), which Corvane disclosed verbally on 4 November and which did not appear in the security questionnaire's sub-processor list. Corvane have since confirmed it in writing and it will be added to Annex B of the Order Form."),
    ("p", "The member panel survey is planned for January 2027. The privacy notice and IVR wording changes are drafted but not agreed."),

    ("h2", "7. Security assurance"),
    ("p", "MB reported that Corvane holds ISO 27001 and Cyber Essentials Plus but that its SOC 2 Type II report will not be available until March 2027; the contract long-stop is 30 June 2027. The committee **accepted** this as a risk for Phase 1 (controls register RSK-04), on the basis of the ISO certificate, the Ironbridge penetration test report of August 2026 and the society's own penetration test. The society's test (supplier: Quell Cyber) is booked for 18–29 January 2027 against Pre-production and has not yet started."),
    ("p", "MB noted that Corvane's questionnaire response gives an RPO of 1 hour, while the contract will say 15 minutes. JK confirmed continuous replication will be enabled for the Production tenant. MB asked for evidence from the first DR test, which under the contract must take place before Phase 1 go-live and no later than 28 February 2027."),
    ("p", "The Sentinel log ingestion function has not been started; Security Operations have it scheduled for January. It is a go-live criterion."),

    ("h2", "8. Items for later decision"),
    ("p", "Authenticated chat (members logged in to online banking) was not discussed in detail and is deferred to the Digital Channels Board in Q1 2027. Sentiment scoring remains switched off; no proposal to enable it has been made."),

    ("h2", "9. Any other business"),
    ("p", "LQ confirmed verbally that transcripts will not be used for individual performance management during Phase 1; FM asked for this in writing so that it can go into the DPIA. The next meeting is on Thursday 17 December 2026."),

    ("pagebreak",),
    ("h2", "Actions log"),
    ("table", ["Ref", "Action", "Owner", "Due", "Status"], [
        ["SC6-04", "Obtain full sub-processor list with locations and access from Corvane", "RD / JK", "13 Nov 2026", "Closed 18 Nov — Brightwater added"],
        ["SC6-08", "Confirm Genesys secure pause is used on all queues in scope", "LQ", "19 Nov 2026", "Closed — confirmed for all mortgage queues; Savings queues to be checked before Phase 2"],
        ["SC7-01", "Issue re-baselined plan (Phase 1: 12 April 2027)", "PR", "26 Nov 2026", "Open"],
        ["SC7-02", "Release March CMS slot and inform Web team", "PR", "26 Nov 2026", "Open"],
        ["SC7-03", "Board note: web chat moved to Phase 2, not dropped", "MH", "3 Dec 2026", "Open"],
        ["SC7-04", "Add Brightwater to Order Form Annex B before signature", "RD", "27 Nov 2026", "Open"],
        ["SC7-05", "Letter from Lumen Foundry on zero retention and US access", "JK", "4 Dec 2026", "Open"],
        ["SC7-06", "Configure retention in Production tenant (18 / 24 months, IP 30 days)", "TE", "Before go-live", "Not started"],
        ["SC7-07", "Written confirmation that transcripts are not used for performance management", "LQ", "3 Dec 2026", "Open"],
        ["SC7-08", "Provide evidence of continuous replication and DR test report", "JK", "28 Feb 2027", "Open"],
        ["SC7-09", "Update controls register RSK-04 with risk acceptance", "MB", "26 Nov 2026", "Open"],
        ["SC7-10", "Legal view on special category condition", "FM", "11 Dec 2026", "In progress"],
        ["SC7-11", "Sentinel ingestion function built and tested", "MB", "31 Jan 2027", "Not started"],
        ["SC7-12", "Request two temporary staff for knowledge article review", "LQ", "3 Dec 2026", "Open"],
    ], [15, 73, 18, 22, 46]),
    ("space", 4),
    ("small", "Minutes taken by Chloe Haddon, PMO. Draft circulated 20 November 2026; approved by the Chair 23 November 2026. Initials: MH Margaret Holloway; PR Priya Raghunathan; TE Tom Edgecombe; MB Marcus Bell; FM Fiona McAllister; LQ Lorna Quayle; NC Neil Chowdhury; RD Rachel Dunmore; HO Hannah Okafor; JK Josh Kettering."),
]


# ------------------------------------------------- 7. controls register ----

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

D = datetime.datetime

CTRL_HEAD = ["Control ID", "Domain", "Control", "Control owner", "Status",
             "Due date", "Last tested", "Evidence / reference", "Notes"]
CONTROLS = [
    ["SBL-C01", "Identity & access", "Staff access to Sable only via Entra ID SSO with Conditional Access (managed device + MFA); local accounts disabled except 2 break-glass", "Digital Channels Platform Lead (Kieran Doyle)", "Implemented (Test/Pre-prod)", D(2026, 12, 11), D(2026, 11, 17), "Config screenshot SBL-EV-011", "Prod tenant not yet provisioned (due 01/12). Re-test in Prod."],
    ["SBL-C02", "Identity & access", "SCIM provisioning from Entra; leavers deprovisioned on Entra disable", "Kieran Doyle", "In progress", D(2026, 12, 18), None, "", "SCIM connector built in Test; JML team not yet briefed"],
    ["SBL-C03", "Identity & access", "Break-glass credentials held in CyberArk, use alerted to SOC", "Security Operations Manager (Ifeoma Nwosu)", "Not started", D(2027, 2, 26), None, "", "Depends on SBL-C15 (Sentinel)"],
    ["SBL-C04", "Identity & access", "Vendor access to content only via JIT elevation approved by H&V Sable Administrator; max 8 hours", "Kieran Doyle", "Design agreed", D(2027, 3, 19), None, "TPSQ E.3; SD 5.4", "Approval workflow to be tested in Pre-prod. Who approves out of hours? - TBC"],
    ["SBL-C05", "Identity & access", "Quarterly user access review of Sable roles (Quality Analyst, Administrator)", "Lorna Quayle / Kieran Doyle", "Not started", D(2027, 7, 12), None, "", "First review due 3 months after Phase 1 go-live"],
    ["SBL-C06", "Data protection", "Redaction enabled in Production tenant before any live call is processed", "Tom Edgecombe", "Not started", D(2027, 4, 5), None, "", "Go-live checklist item. Redaction does NOT remove names."],
    ["SBL-C07", "Data protection", "Automatic deletion: call transcripts/summaries 18 months; chat 24 months; visitor IP 30 days", "Tom Edgecombe", "Not started", D(2027, 4, 5), None, "Order Form cl. 6.5; SC7 minute 5", "Updated 20/11/26 - was 12 months (DPIA v0.4 proposal). Steering agreed 18 months on 19/11."],
    ["SBL-C08", "Data protection", "No call audio stored in Sable; no biometric voiceprints", "Fiona McAllister", "Contractual - verify", D(2027, 4, 5), None, "Order Form cl. 6.6; TPSQ I.7", "Ask Corvane for technical confirmation (storage container listing) during UAT"],
    ["SBL-C09", "Data protection", "Card data not transcribed: Genesys secure pause on all in-scope queues; PAN redaction backstop", "Lorna Quayle", "Partially implemented", D(2027, 4, 5), D(2026, 11, 12), "SC6-08", "Mortgage queues confirmed. Savings queues not in Phase 1 - check before Phase 2."],
    ["SBL-C10", "Data protection", "DPIA approved by DPO before Phase 1 go-live", "Fiona McAllister", "In progress", D(2027, 3, 26), None, "DPIA-2026-031 v0.4", "Blocked on Lumen letter and Legal view on special category condition"],
    ["SBL-C11", "Data protection", "Model inference location: UK South for Web Chat; Sweden Central permitted for call summaries until UK Inference Date", "Hannah Okafor", "Agreed (ADR)", None, None, "ADR-SBL-007; Order Form cl. 3.2, 5.3", "Web chat must not be activated before UK inference. Add technical check to Phase 2 go-live."],
    ["SBL-C12", "Third party", "Sub-processor changes notified 30 days ahead; right to object", "Rachel Dunmore", "Agreed - contract pending signature", D(2026, 11, 27), None, "Order Form cl. 7.2", ""],
    ["SBL-C13", "Third party", "Personal data breach notified by Corvane within 24 hours", "Rachel Dunmore", "Agreed - contract pending signature", D(2026, 11, 27), None, "Order Form cl. 6.3", "Corvane standard SL table says 48h - contract overrides. Make sure our incident runbook uses 24h."],
    ["SBL-C14", "Third party", "Annual review of Corvane assurance (ISO 27001, SOC 2, pen test summary)", "Sunita Varma", "Scheduled", D(2027, 10, 29), None, "Assurance tracker", ""],
    ["SBL-C15", "Logging & monitoring", "Sable audit logs ingested into Microsoft Sentinel (Azure Function polling every 5 min)", "Ifeoma Nwosu", "Not started", D(2027, 1, 31), None, "SD INT-07", "Go-live criterion. No native connector (Corvane roadmap H2 2027)."],
    ["SBL-C16", "Logging & monitoring", "Alert on bulk export > 500 records or export by non-QA role", "Ifeoma Nwosu", "Not started", D(2027, 2, 26), None, "", "Depends on SBL-C15"],
    ["SBL-C17", "Resilience", "RPO 15 min / RTO 4 h for Production tenant; continuous replication UK South -> UK West", "Marcus Bell", "Contractual - verify", D(2027, 2, 28), None, "Order Form cl. 10; SC7-08", "TPSQ H.1 states RPO 1 h. Evidence of continuous replication requested."],
    ["SBL-C18", "Resilience", "DR failover test of H&V tenant before Phase 1 go-live", "Marcus Bell", "Not started", D(2027, 2, 28), None, "Order Form cl. 10.2", "Corvane proposing w/c 22 Feb 2027"],
    ["SBL-C19", "Resilience", "Contact centre fallback if Sable unavailable: agents revert to manual notes in Dynamics", "Lorna Quayle", "Drafted", D(2027, 3, 12), None, "BCP-CC-04 draft", "Needs table-top before go-live"],
    ["SBL-C20", "Security testing", "H&V penetration test of Pre-prod tenant (Quell Cyber)", "Marcus Bell", "Booked", D(2027, 1, 29), None, "PO 4500318842", "Testing window 18-29 Jan 2027. Not yet started."],
    ["SBL-C21", "Security testing", "Web chat prompt-injection and jailbreak testing (incl. attempts to elicit other users' data)", "Marcus Bell", "Not started", D(2027, 6, 11), None, "", "Phase 2 - timing moves with web chat"],
    ["SBL-C22", "AI governance", "Model version pinned (atlas-3.1-2026-08-15); 90-day notice and H&V approval for changes", "Tom Edgecombe", "Agreed - contract pending signature", D(2026, 11, 27), None, "Order Form cl. 11.2", "TPSQ I.6 said 30 days - superseded by contract"],
    ["SBL-C23", "AI governance", "Regression pack (400 prompts + 60 anonymised transcripts) run before any change to model, prompts or index", "CC Quality Manager (Beth Corrigan)", "In progress", D(2027, 3, 5), None, "", "212 prompts written so far"],
    ["SBL-C24", "AI governance", "Agent must approve summary before write-back to Dynamics; no auto-write", "Tom Edgecombe", "Implemented (Test)", D(2027, 4, 5), D(2026, 11, 24), "SBL-EV-019", "Corvane default is auto-write after 60s - we have disabled this. Confirm setting carries to Prod."],
    ["SBL-C25", "AI governance", "Sentiment scoring disabled", "Tom Edgecombe", "Implemented (Test)", None, D(2026, 11, 24), "SBL-EV-019", "Any request to enable needs DPIA"],
]

RISK_HEAD = ["Risk ID", "Title", "Description", "Inherent (L x I)", "Key controls",
             "Residual", "Risk owner", "Treatment", "Status", "Next review", "Notes"]
RISKS = [
    ["RSK-01", "Inaccurate summaries", "Agent approves an AI summary that misstates what was agreed (e.g. arrears arrangement), leading to member detriment and Consumer Duty breach", "4 x 4 = 16", "SBL-C23, SBL-C24", "Amber (9)", "Lorna Quayle", "Reduce", "Open", D(2027, 1, 21), "2% QA sample in pilot; measure edit rate"],
    ["RSK-02", "Web chat gives wrong information", "Assistant gives incorrect product or process information; member acts on it", "3 x 4 = 12", "SBL-C21, SBL-C23", "Amber (8)", "Gwen Rhys", "Reduce", "Open", D(2027, 4, 15), "Lower urgency now chat is Phase 2"],
    ["RSK-03", "Data residency / model location", "Member content processed in Sweden Central; possible US access by model provider", "3 x 3 = 9", "SBL-C11", "Amber (6)", "Fiona McAllister", "Reduce", "Open", D(2026, 12, 17), "Awaiting Lumen letter (SC7-05)"],
    ["RSK-04", "No SOC 2 Type II", "Corvane SOC 2 Type II not available until March 2027; independent assurance over operating effectiveness limited", "3 x 3 = 9", "SBL-C14, SBL-C20", "Amber (6)", "Marcus Bell", "Accept (Phase 1)", "Accepted", D(2027, 3, 31), "Risk accepted by Steering 19/11/26 for Phase 1 only. Contract long-stop 30/06/27."],
    ["RSK-05", "Vendor / model provider concentration", "Corvane depends on a single model provider; withdrawal or change of Atlas 3.1 forces rapid change", "3 x 4 = 12", "SBL-C22", "Amber (8)", "Tom Edgecombe", "Reduce", "Open", D(2027, 2, 18), "Exit plan not written. No alternative model evaluated."],
    ["RSK-06", "Undisclosed sub-processors", "Sub-processor (Brightwater, Poland) not in TPSQ response; others may exist", "2 x 3 = 6", "SBL-C12", "Green (3)", "Rachel Dunmore", "Reduce", "Open", D(2026, 12, 17), "Corvane confirmed full list 18/11. Ticket content may contain personal data - staff guidance needed."],
    ["RSK-07", "Logging gap at go-live", "Sentinel ingestion not ready; unauthorised access or bulk export not detected", "3 x 4 = 12", "SBL-C15, SBL-C16", "Red (12)", "Ifeoma Nwosu", "Reduce", "Open", D(2026, 12, 17), "Residual stays Red until SBL-C15 built"],
    ["RSK-08", "DR objectives not met", "Contracted RPO 15 min not achieved in practice (vendor standard 1 h)", "2 x 4 = 8", "SBL-C17, SBL-C18", "Amber (6)", "Marcus Bell", "Reduce", "Open", D(2027, 3, 4), ""],
    ["RSK-09", "Staff monitoring concerns", "Staff object to transcripts being used for performance management; industrial relations and privacy risk", "3 x 3 = 9", "-", "Amber (9)", "Lorna Quayle", "Reduce", "Open", D(2026, 12, 17), "Verbal assurance at SC7; written confirmation awaited (SC7-07)"],
    ["RSK-10", "Knowledge content out of date", "About 60% of articles unreviewed; summaries and chat rely on them", "4 x 3 = 12", "-", "Amber (9)", "Lorna Quayle", "Reduce", "Open", D(2027, 1, 21), "212 / 530 reviewed at 19/11"],
    ["RSK-11", "Card data in transcripts", "Card number spoken outside secure pause and not caught by redaction", "2 x 4 = 8", "SBL-C09", "Green (4)", "Lorna Quayle", "Reduce", "Open", D(2027, 3, 4), "PCI scope - Sable is not in our CDE and must stay out of it"],
]

ASSURANCE_HEAD = ["Item", "Provider", "Date of document", "Received?", "Reviewed by", "Outcome / findings", "Next due"]
ASSURANCE = [
    ["ISO/IEC 27001:2022 certificate IS 748213 + Statement of Applicability", "Albion Assurance Ltd (for Corvane)", D(2025, 3, 20), "Yes", "Sunita Varma", "Scope covers Sable. Valid to 19/03/2028. SoA reviewed - A.5.23 (cloud services) included.", D(2027, 9, 30)],
    ["SOC 2 Type I report", "Corvane auditor", D(2026, 4, 30), "Yes", "Sunita Varma", "Unqualified. Design only - no operating effectiveness.", None],
    ["SOC 2 Type II report", "Corvane auditor", None, "No", "", "Expected March 2027. Contract long-stop 30/06/2027.", D(2027, 3, 31)],
    ["Penetration test executive summary", "Ironbridge Security (for Corvane)", D(2026, 8, 12), "Yes", "Marcus Bell", "0 critical, 2 high (fixed 09/09/26), 5 medium (2 open - due 15/12/26), 9 low", D(2026, 12, 15)],
    ["H&V penetration test", "Quell Cyber", None, "No", "", "Booked 18-29 Jan 2027", D(2027, 1, 29)],
    ["DR test report (H&V tenant)", "Corvane", None, "No", "", "Due by 28/02/2027 (Order Form cl. 10.2)", D(2027, 2, 28)],
    ["DR test report (platform, May 2026)", "Corvane", D(2026, 5, 21), "Yes", "Sunita Varma", "RTO achieved 2h47m; data loss 22 min - would NOT meet our 15 min RPO", None],
    ["Cyber Essentials Plus certificate", "Corvane", D(2026, 6, 2), "Yes", "Sunita Varma", "Valid", D(2027, 6, 2)],
    ["Lumen Foundry zero-retention / abuse monitoring letter", "Lumen Foundry via Corvane", None, "No", "", "Requested 04/11/26; chased 19/11/26", D(2026, 12, 4)],
    ["WCAG 2.2 AA gap assessment", "Corvane", None, "No", "", "Requested by Digital Channels; not a security item but tracked here for convenience", None],
]

CHANGELOG_HEAD = ["Date", "Changed by", "Change"]
CHANGELOG = [
    [D(2026, 10, 12), "S. Varma", "Register created from TPSQ review and Solution Design v1.2"],
    [D(2026, 10, 28), "S. Varma", "Added SBL-C20 (H&V pen test) after PO raised"],
    [D(2026, 11, 6), "S. Varma", "Added RSK-06 after Corvane disclosed Brightwater (Kraków) on 04/11"],
    [D(2026, 11, 13), "S. Varma", "SBL-C11 rewritten for ADR-SBL-007 (ARB 12/11). Previous text: 'All processing in Azure UK South'"],
    [D(2026, 11, 20), "S. Varma", "Post-steering SC7: RSK-04 accepted; SBL-C07 retention changed 12 -> 18 months; Phase 1 date now 12/04/2027"],
    [D(2026, 11, 30), "S. Varma", "Due dates for go-live controls moved to 05/04/2027 (one week before Phase 1)"],
]


def build_xlsx(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Read me"
    readme = [
        ["Sable Programme - Security & Controls Register"],
        [""],
        ["Owner", "Sunita Varma, IT Risk & Controls Analyst, Information Security"],
        ["Accountable", "Marcus Bell, Head of Information Security"],
        ["Version", "0.9"],
        ["Last updated", D(2026, 11, 30)],
        ["Classification", "Internal - Restricted"],
        [""],
        ["Purpose", "Tracks the controls the society relies on for Sable, the programme's security and data risks, and the assurance evidence received from Corvane. It is the register referred to in the Solution Design (section 9) and the steering committee minutes."],
        ["Scoring", "Likelihood and impact 1-5. Red >= 12, Amber 5-11, Green <= 4."],
        ["Status values", "Not started / In progress / Design agreed / Booked / Scheduled / Drafted / Implemented (env) / Partially implemented / Contractual - verify / Agreed - contract pending signature / Agreed (ADR)"],
    ]
    for r in readme:
        ws.append(r)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_row=3, max_col=1):
        for c in row:
            c.font = Font(bold=True)
    ws["B6"].number_format = "dd/mm/yyyy"
    for row in ws.iter_rows(min_row=9, max_row=11, min_col=2, max_col=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")

    def sheet(title, head, rows, widths):
        s = wb.create_sheet(title)
        s.append(head)
        for r in rows:
            s.append(r)
        fill = PatternFill("solid", fgColor="1F3B5A")
        for c in s[1]:
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = fill
            c.alignment = Alignment(wrap_text=True, vertical="top")
        for row in s.iter_rows(min_row=2):
            for c in row:
                c.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(c.value, datetime.datetime):
                    c.number_format = "dd/mm/yyyy"
        for i, w in enumerate(widths, 1):
            s.column_dimensions[get_column_letter(i)].width = w
        s.freeze_panes = "B2"
        s.auto_filter.ref = s.dimensions
        return s

    sheet("Controls", CTRL_HEAD, CONTROLS, [10, 16, 50, 24, 22, 12, 12, 24, 50])
    sheet("Risks", RISK_HEAD, RISKS, [9, 24, 50, 14, 18, 12, 18, 14, 11, 12, 45])
    sheet("Assurance tracker", ASSURANCE_HEAD, ASSURANCE, [44, 28, 14, 10, 16, 55, 12])
    sheet("Change log", CHANGELOG_HEAD, CHANGELOG, [12, 12, 90])
    wb.properties.creator = "Sunita Varma"
    wb.properties.lastModifiedBy = "Sunita Varma"
    wb.properties.title = "Sable Security & Controls Register"
    wb.properties.created = FIXED_DT
    wb.save(path)
    # openpyxl stamps the save time into core.xml; pin it for reproducibility
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                              rb"<dcterms:modified\1>2026-11-30T09:00:00Z</dcterms:modified>", data)
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 30, 9, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


# ------------------------------------------------------------------ main ---

def main():
    build_docx(os.path.join(HERE, "solution-design.docx"), SOLUTION_DESIGN, {
        "author": "Tom Edgecombe", "title": "Sable Solution Design v1.2",
        "subject": "DC-SBL-SD-001", "created": datetime.datetime(2026, 8, 21, 10, 0),
        "modified": datetime.datetime(2026, 10, 16, 16, 30), "revision": 14,
        "header": "Harbour & Vale Building Society | DC-SBL-SD-001 v1.2 | Internal",
        "footer": "Sable Solution Design — uncontrolled when printed"})
    build_docx(os.path.join(HERE, "contract-schedule.docx"), CONTRACT, {
        "author": "Owen Fairbairn", "title": "Order Form CVN-OF-2026-0147 and Schedule 3",
        "subject": "Corvane / Harbour & Vale", "created": datetime.datetime(2026, 10, 20, 9, 0),
        "modified": datetime.datetime(2026, 11, 24, 15, 40), "revision": 7,
        "footer": "LEG/2026/0412 — Execution version v7 — Confidential"},
        base_font="Times New Roman", base_size=11)
    build_docx(os.path.join(HERE, "dpia-draft.docx"), DPIA, {
        "author": "Daniel Achterberg", "title": "DPIA-2026-031 Sable (DRAFT v0.4)",
        "subject": "Data Protection Impact Assessment", "created": datetime.datetime(2026, 10, 2, 11, 0),
        "modified": datetime.datetime(2026, 11, 13, 17, 5), "revision": 4,
        "header": "DRAFT v0.4 — DPIA-2026-031 — Internal — Not approved",
        "footer": "Data Protection Office, Harbour & Vale Building Society"})
    render_pdf(os.path.join(HERE, "vendor-security-response.pdf"), VENDOR_RESPONSE,
               "Corvane Analytics Ltd — Commercial in Confidence",
               "H&V TPSQ v5.2 — Response v1.0 — 9 October 2026",
               "Corvane Analytics Ltd, Albert Dock House, 18 Whitworth Street, Manchester M1 3NR",
               "Corvane response to Harbour & Vale TPSQ v5.2", "Elena Voss",
               "Third-party security questionnaire response")
    render_pdf(os.path.join(HERE, "steering-minutes.pdf"), STEERING,
               "Harbour & Vale Building Society — Sable Programme",
               "Steering Committee — Meeting 7 — 19 November 2026",
               "Internal. Approved minutes.",
               "Sable Steering Committee minutes, meeting 7", "Chloe Haddon",
               "Steering committee minutes")
    build_xlsx(os.path.join(HERE, "controls-register.xlsx"))
    print("built 6 binary documents in", HERE)


if __name__ == "__main__":
    main()
