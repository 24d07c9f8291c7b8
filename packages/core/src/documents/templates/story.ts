// The default User Story template (v1.0): INVEST-sized, with Gherkin acceptance criteria and trace links.
export const STORY_TEMPLATE = `# {{product.code}}-S-N: TBD

| Field | Value |
|---|---|
| Product | {{product.name}} ({{product.code}}) |
| Requirement | {{product.code}}-FR-N |
| Priority | Must / Should / Could |
| Estimate | TBD |
| Status | Draft |

## Story

As a **TBD**,
I want **TBD**,
so that **TBD**.

<!-- Keep it Independent, Negotiable, Valuable, Estimable, Small and Testable (INVEST).
If it cannot be delivered within one sprint, split it. -->

## Acceptance criteria

\`\`\`gherkin
Scenario: TBD
  Given TBD
  When TBD
  Then TBD

Scenario: TBD (edge case or error)
  Given TBD
  When TBD
  Then TBD
\`\`\`

## Notes

<!-- Designs, data, dependencies, out-of-scope details for this story. -->

- TBD

## Definition of done

- [ ] Acceptance criteria pass in the test environment
- [ ] Automated tests added and green in CI
- [ ] Analytics events fire as specified
- [ ] Reviewed by the product owner
`;
