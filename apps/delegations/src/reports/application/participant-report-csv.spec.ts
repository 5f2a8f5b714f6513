import { DataSource } from 'typeorm';
import { WelfareSettings } from '../../welfare/application/welfare-settings';
import { ParticipantReport, ParticipantReportService } from './participant-report.service';

describe('participant report as CSV', () => {
  // toCsv only formats a built report: no database is reached
  const service = new ParticipantReportService(undefined as unknown as DataSource, undefined as unknown as WelfareSettings);
  const report = (label: string, nationality: string): ParticipantReport => ({
    organisationId: 'o', asOf: '2027-01-01', delegationId: null, totalParticipants: 3, overdueCheckIns: { count: 0, thresholdHours: 24 },
    groups: { delegation: [{ key: 'd1', label, count: 3 }], nationality: [{ key: nationality, label: nationality, count: 3 }] },
  });

  it('makes a delegation title (or any label) that a spreadsheet would run as a formula inert', () => {
    const lines = service.toCsv(report('=HYPERLINK("https://evil.example","Open")', '+US')).trim().split('\n');
    expect(lines[0]).toBe('dimension,key,label,count');
    expect(lines[1]).toBe(`delegation,d1,"'=HYPERLINK(""https://evil.example"",""Open"")",3`);
    expect(lines[2]).toBe("nationality,'+US,'+US,3");
  });

  it('writes ordinary labels as they are', () => {
    expect(service.toCsv(report('Jalalabad students in San Diego', 'AF')).trim().split('\n')[1]).toBe('delegation,d1,Jalalabad students in San Diego,3');
  });
});
