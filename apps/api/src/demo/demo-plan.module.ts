import { Module } from '@nestjs/common';
import { DemoPlanOnFirstStart } from './demo-plan-on-first-start';

@Module({ providers: [DemoPlanOnFirstStart] })
export class DemoPlanModule {}
