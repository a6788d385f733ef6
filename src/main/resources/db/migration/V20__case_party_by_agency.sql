-- The caseload's party branch: an agency's live parties, from which it joins their cases.
create index case_party_agency_idx on case_party (tenant_id, agency_id) where live;
